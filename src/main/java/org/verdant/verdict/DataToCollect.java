package org.verdant.verdict;

import org.verdant.findings.Finding;
import org.verdant.findings.Status;
import org.verdant.findings.Values;
import org.verdant.text.Messages;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the submission would need to give for each criterion it left at missing data: the
 * fields a computation lacked, the reference levels not found, the claim or section absent.
 * This is the to-do list of an enterprise re-benchmarking against a new edition. Field paths stay
 * codes; the words around them (what a missing level needs) are in the reader's language.
 */
public final class DataToCollect {
    private DataToCollect() {
    }

    public record Item(String id, List<String> fields) {
    }

    public static List<Item> of(Verdict v, Messages messages) {
        List<Item> out = new ArrayList<>();
        List<Verdict.Judged> all = new ArrayList<>(v.gates());
        all.addAll(v.criteria());
        for (Verdict.Judged j : all) {
            Finding f = j.finding();
            if (f.status() != Status.MISSING_DATA) continue;
            Set<String> fields = new LinkedHashSet<>();
            if (f.values().get("missing_inputs") instanceof List<?> l) l.forEach(x -> fields.add(String.valueOf(x)));
            for (String tier : List.of("basic", "advanced", "baseline", "leading", "threshold")) {
                Object m = f.values().get(tier + "_missing");
                if (m != null) fields.add(Values.text(m, messages));
            }
            if (fields.isEmpty()) fields.add(fallback(j, f, messages));
            out.add(new Item(j.id(), List.copyOf(fields)));
        }
        return out;
    }

    private static String fallback(Verdict.Judged j, Finding f, Messages messages) {
        String key = f.reasonKey() == null ? "" : f.reasonKey();
        if (key.equals("claim.absent")) return "claims." + j.id() + " (met, evidence)";
        if (key.equals("claim.no_evidence")) return "claims." + j.id() + ".evidence";
        if (key.startsWith("b2.")) return messages.get("collect.accidents", "accidents");
        if (key.equals("cul.standing_absent")) return "standing";
        if (key.equals("cul.standing_no_evidence")) return "standing.evidence";
        if (key.equals("cul.list_absent") && !f.reasonArgs().isEmpty()) return String.valueOf(f.reasonArgs().get(0));
        if (key.equals("cul01.unknown")) return "standing.operating_status, standing.abnormal_operation_list";
        if (key.equals("cul08.absent")) return "application.tier";
        if (key.startsWith("ms.") || key.startsWith("g3.")) return "management_systems";
        if (key.startsWith("csr.")) return "social_responsibility_reports";
        return key;
    }
}
