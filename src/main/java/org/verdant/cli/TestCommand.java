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
        description = {"Evaluate every fixture under DIR and check it: a valid fixture's hand-written figures (NAME.expect.yaml), "
                + "then the snapshot of its whole verdict without digests (NAME.expected.json); under an 'invalid' folder the exit code "
                + "and messages (NAME.expected.txt). Options come from NAME.args; variants NAME.VARIANT.args. Expectation failures "
                + "are listed first, snapshot differences after them, then the criteria and statuses no fixture exercises.",
                "Run it from the checkout's root: invalid fixtures' expected messages name the file as fixtures/…."})
final class TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = "fixtures", descriptionKey = "fixtures-dir", description = "Fixtures folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--update", description = "Rewrite every snapshot with the current output (review the diff before committing it); "
            + "the hand-written NAME.expect.yaml files are still checked, never rewritten.")
    boolean update;

    @Mixin
    RulebookOptions rulebook = new RulebookOptions();

    @Mixin
    LangOption lang = new LangOption();

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        Words w = lang.words();
        Path root = relative(dir);
        if (!Files.isDirectory(root)) throw new Fault(Fault.Kind.USAGE, w.get("test.no_folder", dir));
        List<Fixture> fixtures = Fixture.discover(root);
        if (fixtures.isEmpty()) throw new Fault(Fault.Kind.USAGE, w.get("test.no_fixtures", dir));
        var compiled = rulebook.load(); // fail here, once, on a bad rulebook rather than once per fixture
        FixtureRunner runner = new FixtureRunner(VerdantCli::runCaptured, rulebookArgs(), w.lang());
        Map<String, String> verdicts = new LinkedHashMap<>();
        List<FixtureRunner.Result> snapshotsDiffering = new ArrayList<>();
        int failed = 0;
        int expectationsFailed = 0;
        int updated = 0;
        for (Fixture f : fixtures) {
            FixtureRunner.Result r = runner.run(f);
            if (r.code() == 0) verdicts.put(f.label(), r.actual());
            if (r.wrongExit()) {
                failed++;
                out.println(w.get("test.fail", f.label()));
                r.exitExplanation().lines().forEach(l -> out.println("        " + l));
                continue;
            }
            boolean changed = update && FixtureRunner.update(r);
            if (changed) updated++;
            boolean snapshotFails = !update && !r.snapshotMatches();
            if (snapshotFails) snapshotsDiffering.add(r);
            if (!r.expectations().isEmpty()) expectationsFailed++;
            if (r.expectations().isEmpty() && !snapshotFails) {
                out.println(w.get(changed ? "test.updated" : "test.ok", f.label()));
                continue;
            }
            failed++;
            out.println(w.get(changed ? "test.fail_rewritten" : "test.fail", f.label()));
            r.expectations().forEach(l -> out.println("        " + l));
            if (snapshotFails) out.println("        " + w.get("test.snapshot_differs", f.expected().getFileName()));
        }
        if (!snapshotsDiffering.isEmpty()) {
            out.println();
            out.println(w.get("test.snapshot_heading"));
            for (FixtureRunner.Result r : snapshotsDiffering) {
                out.println(w.get("test.fail", r.fixture().label()));
                r.snapshotExplanation(w.lang()).lines().forEach(l -> out.println("        " + l));
            }
        }
        out.println();
        out.println(w.get("test.summary", fixtures.size(), fixtures.size() - failed, failed)
                + (failed == 0 ? "" : w.get("test.summary_failed", expectationsFailed, snapshotsDiffering.size()))
                + (update ? w.get("test.summary_updated", updated) : ""));
        out.println();
        out.print(CoverageReport.render(Coverage.of(compiled.rulebook(), verdicts), w.lang()));
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
