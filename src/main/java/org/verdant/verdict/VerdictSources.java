package org.verdant.verdict;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verdant.rulebook.Figure;
import org.verdant.rulebook.Source;
import org.verdant.text.Json;
import org.verdant.text.Messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON verdict's {@code sources} section: each source its warnings' figures cite, once, with
 * its title in the verdict's language. A warning's {@code source} stays the English citation as
 * the rulebook writes it (a stable key that scripts, records and comparisons match on, the same
 * in every language); {@code cited_as} lists those citations, so a reader joins a warning to its
 * source by that text. See docs/verdict-json.md.
 */
public final class VerdictSources {
    private VerdictSources() {
    }

    /** One source the verdict's figures cite: the citations that name it and the statuses of those figures. */
    record Cited(Source source, Set<String> citations, Set<String> statuses) {
    }

    /** The section, in order of first citation; empty when no figure cites a source of the rulebook. */
    public static ArrayNode json(Verdict v, Messages m) {
        ArrayNode out = Json.NODES.arrayNode();
        for (Cited c : cited(v)) {
            ObjectNode o = out.addObject();
            o.put("id", c.source().id());
            o.put("title", c.source().title().in(m.lang()));
            if (c.source().see() != null) o.put("see", c.source().see());
            ArrayNode statuses = o.putArray("statuses");
            sorted(c.statuses()).forEach(statuses::add);
            ArrayNode cited = o.putArray("cited_as");
            c.citations().forEach(cited::add);
        }
        return out;
    }

    /** The sources the verdict's figures cite, in order of first citation (what {@link #json} and the streamed verdict write). */
    static java.util.Collection<Cited> cited(Verdict v) {
        Map<Source, Cited> bySource = new LinkedHashMap<>();
        for (Verdict.Warning w : v.warnings()) {
            Figure f = w.figure();
            if (f == null || f.source() == null) continue;
            Source s = v.sources().sourceIn(f.source());
            if (s == null) continue;
            Cited c = bySource.computeIfAbsent(s, k -> new Cited(k, new LinkedHashSet<>(), new LinkedHashSet<>()));
            c.citations().add(f.source());
            c.statuses().add(f.status());
        }
        return bySource.values();
    }

    /** Statuses from the least settled: placeholder, provisional, then the rest as met. */
    static List<String> sorted(Set<String> statuses) {
        List<String> out = new ArrayList<>();
        for (String s : List.of("placeholder", "provisional", "calibrated", "verified")) if (statuses.contains(s)) out.add(s);
        for (String s : statuses) if (!out.contains(s)) out.add(s);
        return out;
    }
}
