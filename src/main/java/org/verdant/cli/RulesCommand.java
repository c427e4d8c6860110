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

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: check");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Read every scorecard and indicator table, compile every rule file, and check that every reason a rule gives has a "
                    + "Chinese and an English text; report problems with file:line.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RulebookOptions rulebook = new RulebookOptions();

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            CompiledRulebook compiled = rulebook.load();
            compiled.compileAll();
            Rulebook r = compiled.rulebook();
            var untranslated = org.verdant.rulebook.ReasonKeys.missing(r, java.util.List.of("zh", "en"));
            if (!untranslated.isEmpty()) throw new org.verdant.rulebook.RulebookException(untranslated);
            for (Scorecard s : r.scorecards().values()) {
                out.println("ok  " + s.scheme() + "  " + s.edition() + "  (scorecard " + s.id() + "@" + s.version() + ", "
                        + r.rulesFor(s).size() + " rule files, " + (s.gates().size() + s.criteria().size()) + " criteria)");
            }
            out.println("ok  " + r.benchmarks().id() + "@" + r.benchmarks().version() + "  (" + r.benchmarks().rows().size() + " rows)");
            for (var g : r.gradings().values()) out.println("ok  grading " + g.id() + "  (" + g.bands().size() + " bands)");
            for (var t : r.tables().values()) {
                out.println("ok  table " + t.id() + "@" + t.version() + "  (" + t.edition() + ", " + t.kind().code() + ", " + t.indicators().size() + " indicators)");
            }
            out.println("ok  every reason the rules give reads in zh and en");
            out.println("rulebook " + r.digest() + " from " + r.origin());
            return ExitCodes.OK;
        }
    }
}
