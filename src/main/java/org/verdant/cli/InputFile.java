package org.verdant.cli;

import org.verdant.app.Workbooks;
import org.verdant.fault.Fault;
import org.verdant.yaml.YamlReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a submission file (YAML, or an .xlsx workbook read into YAML), refusing oversized ones before they are in memory: at most
 * {@link YamlReader#MAX_BYTES} + 1 bytes are read, which is enough for the reader to refuse the
 * file as too large, whatever its real size.
 */
final class InputFile {
    private InputFile() {
    }

    /**
     * The submission {@code file} with the command's evaluation options, as every command that
     * evaluates one reads it: a workbook becomes YAML, and {@link Workbooks.Input#run} puts its
     * problems at the sheet and cell instead of at lines of YAML the user never saw.
     */
    static Workbooks.Input submission(Path file, EvaluationOptions options) throws Fault {
        return Workbooks.input(file.toString(), read(file, new Words(options.lang.name())), options.settings());
    }

    /** Reads {@code file}; what is wrong with it is said in the language of {@code w}. */
    static byte[] read(Path file, Words w) throws Fault {
        if (!Files.exists(file)) {
            String name = file.toString();
            if (!Console.namesAreUtf8() && (name.indexOf('?') >= 0 || name.indexOf('\uFFFD') >= 0)) {
                throw new Fault(Fault.Kind.USAGE, w.get("file.no_such_file_locale", name, System.getProperty("sun.jnu.encoding")));
            }
            throw new Fault(Fault.Kind.USAGE, w.get("file.no_such_file", file));
        }
        if (!Files.isRegularFile(file)) throw new Fault(Fault.Kind.USAGE, w.get("file.not_a_file", file));
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(YamlReader.MAX_BYTES + 1);
        } catch (AccessDeniedException e) {
            throw new Fault(Fault.Kind.USAGE, w.get("file.permission_denied", file));
        } catch (NoSuchFileException e) {
            throw new Fault(Fault.Kind.USAGE, w.get("file.no_such_file", file));
        } catch (IOException e) {
            String why = e.getMessage() == null || e.getMessage().equals(file.toString()) ? e.getClass().getSimpleName() : e.getMessage();
            throw new Fault(Fault.Kind.USAGE, w.get("file.cannot_read", file, why));
        }
    }
}
