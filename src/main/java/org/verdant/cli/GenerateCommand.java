package org.verdant.cli;

import org.verdant.fault.Fault;
import org.verdant.generate.SubmissionGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write realistic synthetic submissions, the same bytes for the same seed: to a directory (one file each) "
                + "or to standard output as a multi-document YAML stream ('---' between submissions) that 'batch -' reads.",
                "Every submission is valid against this rulebook unless --invalid-share asks for some with one deliberate mistake."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scheme", required = true, paramLabel = "SCHEME", description = "Scheme to generate: green-factory.")
    String scheme;

    @Option(names = "--edition", paramLabel = "EDITION", description = "Only this edition (default: each submission's drawn among the scheme's editions).")
    String edition;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many submissions.")
    long count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--invalid-share", defaultValue = "0", paramLabel = "SHARE",
            description = "Share of submissions (0..1) with one deliberate mistake (default: ${DEFAULT-VALUE}).")
    double invalidShare;

    @Option(names = "--out", paramLabel = "DIR", description = "Write SCHEME-SEED-NNNNNN.yaml files into DIR instead of a stream on standard output.")
    Path out;

    @Mixin
    RulebookOptions rulebook = new RulebookOptions();

    @Mixin
    LangOption lang = new LangOption();

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Words w = lang.words();
        if (count < 0) throw new Fault(Fault.Kind.USAGE, w.get("generate.negative_count"));
        SubmissionGenerator generator = new SubmissionGenerator(rulebook.load().rulebook(), scheme, edition, seed, invalidShare);
        if (out != null) {
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new Fault(Fault.Kind.USAGE, w.get("generate.cannot_create", out, e.getMessage()));
            }
        }
        int width = Math.max(6, String.valueOf(Math.max(0, count - 1)).length());
        for (long i = 0; i < count; i++) {
            String yaml = generator.submission(i);
            if (out == null) {
                stdout.print("---\n");
                stdout.print(yaml);
                StreamOutput.stopIfFailed(stdout); // '| head': no more submissions for a reader that has gone
            } else {
                Path file = out.resolve(String.format(Locale.ROOT, "%s-%d-%0" + width + "d.yaml", scheme, seed, i));
                Outputs.write(file, yaml, w);
            }
        }
        stdout.flush();
        if (out != null) err.println(w.get("generate.wrote", count, out));
        return ExitCodes.OK;
    }
}
