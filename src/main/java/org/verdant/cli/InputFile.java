package org.verdant.cli;

import org.verdant.fault.Fault;
import org.verdant.yaml.YamlReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a submission file, refusing oversized ones before they are in memory: at most
 * {@link YamlReader#MAX_BYTES} + 1 bytes are read, which is enough for the reader to refuse the
 * file as too large, whatever its real size.
 */
final class InputFile {
    private InputFile() {
    }

    static byte[] read(Path file) throws Fault {
        if (!Files.exists(file)) {
            String name = file.toString();
            if (!Console.namesAreUtf8() && (name.indexOf('?') >= 0 || name.indexOf('\uFFFD') >= 0)) {
                throw new Fault(Fault.Kind.USAGE, name + ": no such file; the locale is not UTF-8 (sun.jnu.encoding "
                        + System.getProperty("sun.jnu.encoding") + "), so a file name in Chinese cannot be read from the command line: "
                        + "run with LC_ALL=C.UTF-8 (the ./verdant launcher sets it)");
            }
            throw new Fault(Fault.Kind.USAGE, file + ": no such file");
        }
        if (!Files.isRegularFile(file)) throw new Fault(Fault.Kind.USAGE, file + ": not a file");
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(YamlReader.MAX_BYTES + 1);
        } catch (AccessDeniedException e) {
            throw new Fault(Fault.Kind.USAGE, file + ": cannot read: permission denied");
        } catch (NoSuchFileException e) {
            throw new Fault(Fault.Kind.USAGE, file + ": no such file");
        } catch (IOException e) {
            String why = e.getMessage() == null || e.getMessage().equals(file.toString()) ? e.getClass().getSimpleName() : e.getMessage();
            throw new Fault(Fault.Kind.USAGE, file + ": cannot read: " + why);
        }
    }
}
