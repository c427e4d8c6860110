package org.verdant.cli;

import org.verdant.coverage.Coverage;
import org.verdant.coverage.CoverageReport;
import org.verdant.coverage.Fixture;
import org.verdant.coverage.FixtureRunner;
import org.verdant.fault.Fault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Evaluate every fixture under DIR and compare it with its expectation (NAME.expected.json, "
                + "or NAME.expected.txt under an 'invalid' folder; options from NAME.args; variants NAME.VARIANT.args), "
                + "then report the criteria and statuses no fixture exercises.",
                "Run it from the checkout's root: invalid fixtures' expected messages name the file as fixtures/…."})
final class TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = "fixtures", description = "Fixtures folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--update", description = "Rewrite every expectation with the current output (review the diff before committing it).")
    boolean update;

    @Mixin
    RulebookOptions rulebook = new RulebookOptions();

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Path root = relative(dir);
        if (!Files.isDirectory(root)) throw new Fault(Fault.Kind.USAGE, dir + ": no such folder");
        List<Fixture> fixtures = Fixture.discover(root);
        if (fixtures.isEmpty()) throw new Fault(Fault.Kind.USAGE, dir + ": no fixtures (*.yaml) found");
        var compiled = rulebook.load(); // fail here, once, on a bad rulebook rather than once per fixture
        FixtureRunner runner = new FixtureRunner(VerdantCli::runCaptured, rulebookArgs());
        Map<String, String> verdicts = new LinkedHashMap<>();
        int failed = 0;
        int updated = 0;
        for (Fixture f : fixtures) {
            FixtureRunner.Result r = runner.run(f);
            if (r.code() == 0) verdicts.put(f.label(), r.actual());
            if (update && r.outcome() != FixtureRunner.Outcome.WRONG_EXIT) {
                boolean changed = FixtureRunner.update(r);
                if (changed) updated++;
                out.println((changed ? "UPDATED " : "ok      ") + f.label());
                continue;
            }
            if (r.passed()) {
                out.println("ok      " + f.label());
            } else {
                failed++;
                out.println("FAIL    " + f.label());
                r.explanation().lines().forEach(l -> out.println("        " + l));
            }
        }
        out.println();
        out.println(fixtures.size() + " fixture evaluations: " + (fixtures.size() - failed) + " passed, " + failed + " failed"
                + (update ? ", " + updated + " expectation(s) rewritten" : ""));
        out.println();
        out.print(CoverageReport.render(Coverage.of(compiled.rulebook(), verdicts)));
        return failed == 0 ? ExitCodes.OK : ExitCodes.DIFFERS;
    }

    private List<String> rulebookArgs() {
        List<String> args = new ArrayList<>();
        if (rulebook.rules != null) args.addAll(List.of("--rules", rulebook.rules.toString()));
        if (rulebook.scorecards != null) args.addAll(List.of("--scorecards", rulebook.scorecards.toString()));
        return args;
    }

    /** Below the working directory, a relative path: fixtures' expected messages name files that way. */
    private static Path relative(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs) : p.normalize();
    }
}
