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
            description = "Read every scorecard and compile every rule file; report problems with file:line.")
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
            for (Scorecard s : r.scorecards().values()) {
                out.println("ok  " + s.scheme() + "  " + s.edition() + "  (scorecard " + s.id() + "@" + s.version() + ", "
                        + r.rulesFor(s).size() + " rule files, " + (s.gates().size() + s.criteria().size()) + " criteria)");
            }
            out.println("ok  " + r.benchmarks().id() + "@" + r.benchmarks().version() + "  (" + r.benchmarks().rows().size() + " rows)");
            for (var g : r.gradings().values()) out.println("ok  grading " + g.id() + "  (" + g.bands().size() + " bands)");
            out.println("rulebook " + r.digest() + " from " + r.origin());
            return ExitCodes.OK;
        }
    }
}
