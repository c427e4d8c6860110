package org.verdant.cli;

import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveException;
import org.verdant.archive.ArchiveLocation;
import org.verdant.fault.Fault;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Which archive a reading command opens: --data DIR or --jdbc-url URL, else VERDANT_JDBC_URL,
 * else VERDANT_DATA, else ./verdant-data.
 */
public class ArchiveOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "Data directory of the archive (default: $VERDANT_DATA, else ./verdant-data).")
    Path data;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "Archive database, e.g. jdbc:postgresql://host/verdant "
            + "(default: $VERDANT_JDBC_URL; user and password from the URL or $VERDANT_JDBC_USER, $VERDANT_JDBC_PASSWORD).")
    String jdbcUrl;

    /** Opens the archive for reading: a data directory without one is a usage error. */
    Archive open() throws Fault {
        return open(data, jdbcUrl, false);
    }

    static Archive open(Path dir, String url, boolean create) throws Fault {
        try {
            return Archive.open(ArchiveLocation.resolve(dir, url, System.getenv()), create);
        } catch (IllegalArgumentException e) {
            throw new Fault(Fault.Kind.ARCHIVE, e.getMessage());
        } catch (ArchiveException e) {
            throw org.verdant.app.Faults.of(e);
        }
    }
}
