package org.verdant.verdict;

import org.verdant.rulebook.GradingTable;
import org.verdant.submission.Submission;

import java.util.ArrayList;
import java.util.List;

/**
 * What the verdict says about the grading table it used: which table (id, title, province,
 * effective date), and, when the facility's province or the evaluation date lies outside the
 * table's scope, that no grade was given and why. The score itself never depends on the table.
 */
final class GradingScope {
    static final String NATIONAL = "national";

    private GradingScope() {
    }

    static List<Verdict.Warning> warnings(GradingTable table, Verdict.Grade grade, Submission s) {
        List<Verdict.Warning> out = new ArrayList<>();
        String region = table.province() == null ? NATIONAL : table.province();
        String from = table.appliesFrom() == null ? "-" : table.appliesFrom().toString();
        String until = table.appliesUntil() == null ? "-" : table.appliesUntil().toString();
        out.add(new Verdict.Warning("grading_table", null, null, table.province() == null ? "warning.grading_table_national" : "warning.grading_table",
                List.of(table.id(), table.title().zh(), table.title().en(), region, from, until)));
        if ("grade.outside_province".equals(grade.whyNone())) {
            out.add(new Verdict.Warning("grading_outside_province", null, null, "warning.grading_outside_province",
                    List.of(table.id(), region, String.valueOf(s.facility().province()))));
        } else if ("grade.not_in_force".equals(grade.whyNone())) {
            out.add(new Verdict.Warning("grading_not_in_force", null, null, "warning.grading_not_in_force",
                    List.of(table.id(), s.evaluationDate().toString(), from, until)));
        }
        return out;
    }
}
