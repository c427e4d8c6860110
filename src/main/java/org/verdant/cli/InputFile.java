package org.verdant.cli;

import org.verdant.evaluation.UsageException;
import org.verdant.yaml.YamlReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a submission file, refusing oversized ones before they are in memory. */
final class InputFile {
    private InputFile() {
    }

    static byte[] read(Path file) throws UsageException {
        if (!Files.exists(file)) throw new UsageException(file + ": no such file");
        if (!Files.isRegularFile(file)) throw new UsageException(file + ": not a file");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(YamlReader.MAX_BYTES + 1);
            return bytes;
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read: " + e.getMessage());
        }
    }
}
