package org.verdant.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.verdant.findings.Status;
import org.verdant.rulebook.Rulebook;
import org.verdant.rulebook.Scorecard;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which outcomes the fixtures exercise, per scorecard and criterion. A criterion is covered when
 * some fixture meets it and some fixture does not (not met, partly met or missing data; not
 * applicable is neither). An eligibility scorecard layered over several editions (the cultivation
 * gates) is one group: the same rules decide its gates whichever edition they join.
 */
public final class Coverage {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Outcomes that count as "unmet" for coverage. */
    public static final Set<Status> UNMET = Set.of(Status.NOT_MET, Status.PARTLY_MET, Status.MISSING_DATA);

    /** The criteria of one scorecard and what the fixtures made of them. */
    public record Group(String scheme, String edition, String scorecardId, List<String> appliesTo, List<Criterion> criteria) {
        public List<Criterion> gaps() {
            return criteria.stream().filter(c -> !c.covered()).toList();
        }

        public long metCovered() {
            return criteria.stream().filter(Criterion::met).count();
        }

        public long unmetCovered() {
            return criteria.stream().filter(Criterion::unmet).count();
        }
    }

    /** A gate or criterion and, per status, the fixtures that produced it. */
    public record Criterion(String id, String kind, Map<Status, Set<String>> seen) {
        public boolean met() {
            return seen.containsKey(Status.MET);
        }

        public boolean unmet() {
            return UNMET.stream().anyMatch(seen::containsKey);
        }

        public boolean covered() {
            return met() && unmet();
        }

        public Set<Status> statuses() {
            return seen.keySet();
        }
    }

    private final List<Group> groups;
    private final List<String> unmatched;

    private Coverage(List<Group> groups, List<String> unmatched) {
        this.groups = groups;
        this.unmatched = unmatched;
    }

    public List<Group> groups() {
        return groups;
    }

    /** Verdict entries no scorecard of the rulebook declares (e.g. a fixture of a scheme this rulebook lacks). */
    public List<String> unmatched() {
        return unmatched;
    }

    public Group group(String scorecardId) {
        return groups.stream().filter(g -> g.scorecardId().equals(scorecardId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scorecard " + scorecardId));
    }

    /** Every criterion not yet covered, as "scorecard id: criterion". */
    public List<String> gaps() {
        List<String> out = new ArrayList<>();
        for (Group g : groups) for (Criterion c : g.gaps()) out.add(g.scorecardId() + ": " + c.id());
        return out;
    }

    /**
     * @param verdicts fixture label → JSON verdict (verdant.verdict/1); entries that are not JSON
     *                 verdicts (invalid fixtures) are skipped
     */
    public static Coverage of(Rulebook rulebook, Map<String, String> verdicts) {
        Map<String, Map<String, Criterion>> byScorecard = new LinkedHashMap<>();
        List<Group> groups = new ArrayList<>();
        for (Scorecard s : rulebook.scorecards().values()) {
            Map<String, Criterion> criteria = new LinkedHashMap<>();
            for (Scorecard.GateSpec g : s.gates()) criteria.put(g.id(), new Criterion(g.id(), "gate", new EnumMap<>(Status.class)));
            for (Scorecard.CriterionSpec c : s.criteria()) criteria.put(c.id(), new Criterion(c.id(), c.type(), new EnumMap<>(Status.class)));
            byScorecard.put(s.id(), criteria);
            groups.add(new Group(s.scheme(), s.edition(), s.id(), s.overlaysSchemes(), List.copyOf(criteria.values())));
        }
        // an edition scored by indicator tables: each table is a group of its own (its gates and indicators)
        for (var t : rulebook.tables().values()) {
            Scorecard edition = rulebook.scorecards().values().stream().filter(x -> x.edition().equals(t.edition()) && x.usesIndicatorTables())
                    .findFirst().orElse(null);
            if (edition == null) continue;
            Scorecard s = edition.withTable(t, "coverage");
            Map<String, Criterion> criteria = new LinkedHashMap<>();
            for (Scorecard.GateSpec g : t.gates()) criteria.put(g.id(), new Criterion(g.id(), "gate", new EnumMap<>(Status.class)));
            for (Scorecard.CriterionSpec c : s.criteria()) criteria.put(c.id(), new Criterion(c.id(), c.type(), new EnumMap<>(Status.class)));
            String key = tableKey(t.id());
            byScorecard.put(key, criteria);
            groups.add(new Group(edition.scheme(), edition.edition() + " / " + t.id(), key, List.of(), List.copyOf(criteria.values())));
        }
        List<String> unmatched = new ArrayList<>();
        verdicts.forEach((label, text) -> {
            JsonNode v = parse(text);
            if (v == null || !"verdant.verdict/1".equals(v.path("format").asText())) return;
            String scheme = v.path("scheme").asText();
            String edition = v.path("edition").asText();
            Scorecard own = rulebook.scorecard(scheme, edition).orElse(null);
            String table = v.path("indicator_table").path("id").asText(null);
            for (String section : List.of("gates", "criteria")) {
                for (JsonNode j : v.path(section)) {
                    String id = j.path("id").asText();
                    Criterion c = table != null && byScorecard.containsKey(tableKey(table)) && byScorecard.get(tableKey(table)).containsKey(id)
                            ? byScorecard.get(tableKey(table)).get(id) : find(rulebook, byScorecard, own, scheme, id);
                    if (c == null) {
                        unmatched.add(label + ": " + scheme + " " + edition + " " + id);
                        continue;
                    }
                    Status status = status(j.path("status").asText());
                    if (status != null) c.seen().computeIfAbsent(status, k -> new TreeSet<>()).add(label);
                }
            }
        });
        return new Coverage(groups, unmatched);
    }

    private static String tableKey(String tableId) {
        return "table/" + tableId;
    }

    /** The criterion in the verdict's own edition, else in an eligibility scorecard layered over its scheme. */
    private static Criterion find(Rulebook rulebook, Map<String, Map<String, Criterion>> byScorecard, Scorecard own, String scheme, String id) {
        if (own != null && byScorecard.get(own.id()).containsKey(id)) return byScorecard.get(own.id()).get(id);
        for (Scorecard overlay : rulebook.overlays(scheme, null)) {
            Criterion c = byScorecard.get(overlay.id()).get(id);
            if (c != null) return c;
        }
        return null;
    }

    private static Status status(String code) {
        for (Status s : Status.values()) if (s.code().equals(code)) return s;
        return null;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
