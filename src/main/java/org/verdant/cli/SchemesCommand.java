package org.verdant.cli;

import java.util.List;

import org.verdant.rulebook.Rulebook;
import org.verdant.rulebook.Scorecard;
import org.verdant.text.DisplayWidth;
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

    @Mixin
    LangOption lang = new LangOption();

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        Words w = lang.words();
        Rulebook r = rulebook.load().rulebook();
        // columns padded by display width: a Chinese heading or title is two columns a character
        out.println(DisplayWidth.padRight(w.get("schemes.scheme"), 20) + " " + DisplayWidth.padRight(w.get("schemes.edition"), 18) + " "
                + DisplayWidth.padRight(w.get("schemes.applies"), 26) + " " + w.get("schemes.heading", "", "", ""));
        for (Scorecard s : r.scorecards().values()) {
            if (s.isOverlay()) continue;
            String applies = s.appliesFrom() == null && s.appliesUntil() == null ? w.get("schemes.always")
                    : s.appliesFrom() == null ? w.get("schemes.before", s.appliesUntil())
                    : s.appliesUntil() == null ? w.get("schemes.from", s.appliesFrom()) + " " + w.get("schemes.onwards")
                    : w.get("schemes.from", s.appliesFrom()) + " " + w.get("schemes.before", s.appliesUntil());
            out.println(DisplayWidth.padRight(s.scheme(), 20) + " " + DisplayWidth.padRight(s.edition(), 18) + " "
                    + DisplayWidth.padRight(applies, 26) + " " + s.id() + "@" + s.version() + "  " + s.title().in(w.lang()));
        }
        for (Scorecard s : r.scorecards().values()) {
            if (!s.usesIndicatorTables()) continue;
            out.println();
            out.println(w.get("schemes.tables", s.edition(), s.defaultTable()));
            for (var t : r.tables().values()) {
                if (t.edition().equals(s.edition())) {
                    out.println("  " + DisplayWidth.padRight(t.id(), 22) + " " + DisplayWidth.padRight(t.version(), 10) + " "
                            + DisplayWidth.padRight(w.label("table_kind", t.kind().code()), 16) + " " + t.title().in(w.lang()));
                }
            }
        }
        List<Scorecard> overlays = r.scorecards().values().stream().filter(Scorecard::isOverlay).toList();
        if (!overlays.isEmpty()) {
            out.println();
            out.println(w.get("schemes.overlays"));
            for (Scorecard s : overlays) {
                out.println(DisplayWidth.padRight(s.scheme(), 20) + " " + DisplayWidth.padRight(s.edition(), 18) + " "
                        + w.get("schemes.overlay", s.appliesFrom(), String.join(", ", s.overlaysSchemes())) + "  " + s.id() + "@" + s.version()
                        + "  " + s.title().in(w.lang()));
            }
        }
        if (!r.gradings().isEmpty()) {
            out.println();
            out.println(w.get("schemes.gradings"));
            for (var g : r.gradings().values()) {
                out.println(DisplayWidth.padRight(g.id(), 26) + " " + g.title().in(w.lang()) + (w.english() ? "; " : "；")
                        + w.get("schemes.grading_applies", String.join(", ", g.appliesTo().stream()
                        .map(a -> a.scheme() + " " + (a.edition() == null ? w.get("schemes.all_editions") : a.edition())).toList())));
            }
        }
        return ExitCodes.OK;
    }
}
