package org.verdant.cli;

import org.verdant.evaluation.UsageException;
import org.verdant.record.EvaluationRecord;
import org.verdant.record.InvalidRecordException;
import org.verdant.record.Records;
import org.verdant.record.Verification;
import org.verdant.record.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Re-run the submission of a record (written by evaluate --record) with its recorded options against "
                + "this rulebook: confirm the identical verdict (exit 0) or name what differs: the submission (a damaged "
                + "record), the rulebook files, the engine version, and each criterion's status and points before → after (exit 5)."})
final class VerifyCommand implements Callable<Integer> {
    /** Far above any real record (a 2 MiB submission in base64 and its verdict), low enough not to exhaust memory. */
    private static final int MAX_RECORD_BYTES = 32 * 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RECORD", description = "The record (JSON, format verdant.record/1).")
    Path record;

    @Mixin
    RulebookOptions rulebook = new RulebookOptions();

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        return Outcomes.run(err, null, () -> {
            EvaluationRecord r;
            try {
                r = Records.read(read(record));
            } catch (InvalidRecordException e) {
                throw new UsageException(record + ": not a Verdant record: " + e.getMessage());
            }
            Verification v = Verifier.verify(r, rulebook.load());
            out.println("record      " + record);
            v.lines().forEach(out::println);
            return v.identical() ? ExitCodes.OK : ExitCodes.DIFFERS;
        });
    }

    private static byte[] read(Path file) throws UsageException {
        if (!Files.exists(file)) throw new UsageException(file + ": no such file");
        if (!Files.isRegularFile(file)) throw new UsageException(file + ": not a file");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_RECORD_BYTES + 1);
            if (bytes.length > MAX_RECORD_BYTES) throw new UsageException(file + ": larger than " + MAX_RECORD_BYTES + " bytes; not a record");
            return bytes;
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read: " + e.getMessage());
        }
    }
}
