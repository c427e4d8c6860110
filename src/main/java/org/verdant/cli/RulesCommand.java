package org.verdant.cli;

import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.Rulebook;
import org.verdant.rulebook.Scorecard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "Work with the rulebook.",
        subcommands = {RulesCommand.Check.class})
final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    LangOption lang = new LangOption();

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), new Words(lang.name()).get("usage.name_a_subcommand", "check"));
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Read every scorecard and indicator table, compile every rule file, and check that every reason a rule gives has a "
                    + "Chinese and an English text; report problems with file:line.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RulebookOptions rulebook = new RulebookOptions();

        @Mixin
        LangOption lang = new LangOption();

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            CompiledRulebook compiled = rulebook.load();
            compiled.compileAll();
            Rulebook r = compiled.rulebook();
            var untranslated = org.verdant.rulebook.ReasonKeys.missing(r, java.util.List.of("zh", "en"));
            if (!untranslated.isEmpty()) throw new org.verdant.rulebook.RulebookException(untranslated);
            Words w = lang.words();
            for (Scorecard s : r.scorecards().values()) {
                out.println(w.get("rules.ok_scorecard", s.scheme(), s.edition(), s.id() + "@" + s.version(), r.rulesFor(s).size(),
                        s.gates().size() + s.criteria().size()));
            }
            out.println(w.get("rules.ok_benchmarks", r.benchmarks().id() + "@" + r.benchmarks().version(), r.benchmarks().rows().size()));
            for (var g : r.gradings().values()) out.println(w.get("rules.ok_grading", g.id(), g.bands().size()));
            for (var t : r.tables().values()) {
                out.println(w.get("rules.ok_table", t.id() + "@" + t.version(), t.edition(), w.label("table_kind", t.kind().code()), t.indicators().size()));
            }
            out.println(w.get("rules.ok_reasons"));
            // the verdicts' digest is over the files each used: say which files this one covers, and how they differ
            // the built-in rulebook has no directory to name: say so in words, not as the loader's marker
            String origin = r.origin().replace(org.verdant.rulebook.RulebookLoader.BUILT_IN, w.get("rules.built_in"));
            out.println(w.get("rules.digest", r.digest(), origin, r.files().size()));
            out.println(w.get("rules.digest_note"));
            return ExitCodes.OK;
        }
    }
}
