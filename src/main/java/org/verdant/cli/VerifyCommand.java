package org.verdant.cli;

import org.verdant.fault.Fault;
import org.verdant.record.DamagedRecordException;
import org.verdant.record.EvaluationRecord;
import org.verdant.record.InvalidRecordException;
import org.verdant.record.Records;
import org.verdant.record.Verification;
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

    @Parameters(paramLabel = "RECORD", descriptionKey = "record-file", description = "The record (JSON, format verdant.record/1).")
    Path record;

    @Mixin
    RulebookOptions rulebook = new RulebookOptions();

    @Mixin
    LangOption lang = new LangOption();

    @picocli.CommandLine.Option(names = "--archive", arity = "0..1", paramLabel = "DIR",
            parameterConsumer = EvaluateArchiving.OptionalDir.class,
            description = "Check the evidence files the record binds against this archive's store (DIR, else $VERDANT_JDBC_URL, "
                    + "$VERDANT_DATA or ./verdant-data): a changed or missing file is damage.")
    String archive;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        EvaluationRecord r;
        try {
            r = Records.read(read(record, lang.words()));
        } catch (DamagedRecordException e) {
            // A forgery is not a usage error: it is reported as damage, like a digest that does not match.
            out.println(lang.words().get("verify.record", record));
            out.println(lang.words().get("verify.damaged_record", e.text().in(lang.name())));
            return ExitCodes.DIFFERS;
        } catch (InvalidRecordException e) {
            throw new Fault(Fault.Kind.USAGE, lang.words().get("verify.not_a_record", record, e.getMessage()));
        }
        Verification v;
        try (org.verdant.archive.Archive a = archive == null ? null : ArchiveOptions.open(archive.isEmpty() ? null : Path.of(archive), null, false)) {
            v = rulebook.application().verify(r, a);
        }
        out.println(lang.words().get("verify.record", record));
        v.lines(lang.name()).forEach(out::println);
        return v.identical() ? ExitCodes.OK : ExitCodes.DIFFERS;
    }

    private static byte[] read(Path file, Words w) throws Fault {
        if (!Files.exists(file)) throw new Fault(Fault.Kind.USAGE, w.get("file.no_such_file", file));
        if (!Files.isRegularFile(file)) throw new Fault(Fault.Kind.USAGE, w.get("file.not_a_file", file));
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_RECORD_BYTES + 1);
            if (bytes.length > MAX_RECORD_BYTES) throw new Fault(Fault.Kind.USAGE, w.get("verify.too_large", file, MAX_RECORD_BYTES));
            return bytes;
        } catch (IOException e) {
            throw new Fault(Fault.Kind.USAGE, w.get("file.cannot_read", file, e.getMessage()));
        }
    }
}
