package org.verdant.cli;

import java.util.List;

import org.verdant.rulebook.Rulebook;
import org.verdant.rulebook.Scorecard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "schemes", mixinStandardHelpOptions = true, description = "List the schemes and editions this rulebook can evaluate.")
final class SchemesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulebookOptions rulebook = new RulebookOptions();

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        Rulebook r = rulebook.load().rulebook();
        out.printf("%-20s %-18s %-26s %s%n", "SCHEME", "EDITION", "APPLIES (evaluation_date)", "SCORECARD");
        for (Scorecard s : r.scorecards().values()) {
            if (s.isOverlay()) continue;
            String applies = (s.appliesFrom() == null ? "…" : "from " + s.appliesFrom()) + " "
                    + (s.appliesUntil() == null ? "onwards" : "before " + s.appliesUntil());
            out.printf("%-20s %-18s %-26s %s@%s  %s%n", s.scheme(), s.edition(), applies, s.id(), s.version(), s.title().zh());
        }
        for (Scorecard s : r.scorecards().values()) {
            if (!s.usesIndicatorTables()) continue;
            out.println();
            out.println("INDICATOR TABLES OF " + s.edition() + " (--table ID, or indicator_table: in the submission; default " + s.defaultTable() + ")");
            for (var t : r.tables().values()) {
                if (t.edition().equals(s.edition())) {
                    out.printf("  %-22s %-10s %-16s %s%n", t.id(), t.version(), t.kind().code(), t.title().zh());
                }
            }
        }
        List<Scorecard> overlays = r.scorecards().values().stream().filter(Scorecard::isOverlay).toList();
        if (!overlays.isEmpty()) {
            out.println();
            out.println("ELIGIBILITY RULES (added as gates to evaluations dated in their range)");
            for (Scorecard s : overlays) {
                out.printf("%-20s %-18s from %s, for %s  %s@%s  %s%n", s.scheme(), s.edition(), s.appliesFrom(),
                        String.join(", ", s.overlaysSchemes()), s.id(), s.version(), s.title().zh());
            }
        }
        if (!r.gradings().isEmpty()) {
            out.println();
            out.println("GRADING TABLES (--grading ID)");
            for (var g : r.gradings().values()) {
                out.printf("%-26s %s; applies to %s%n", g.id(), g.title().zh(),
                        String.join(", ", g.appliesTo().stream().map(a -> a.scheme() + " " + (a.edition() == null ? "(all)" : a.edition())).toList()));
            }
        }
        return ExitCodes.OK;
    }
}
