package org.verdant.serve;

import org.verdant.archive.Archive;
import org.verdant.support.TestRulebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A server over a fresh archive, asking for one API token: what the API test classes start once and share. */
final class ApiServer implements AutoCloseable {
    final Path data;
    final VerdantServer server;
    final Http http;

    private ApiServer(Path data, VerdantServer server, String token) {
        this.data = data;
        this.server = server;
        this.http = new Http(server.uri(), token);
    }

    static ApiServer start(String folderPrefix, String token) throws IOException {
        Path data = Files.createTempDirectory(folderPrefix);
        return new ApiServer(data, VerdantServer.start(new VerdantServer.Config("127.0.0.1", 0, TestRulebook.compiled(), Archive.open(data), token), null), token);
    }

    /** Stops the server and removes its archive. */
    @Override
    public void close() throws IOException {
        server.close();
        try (Stream<Path> walk = Files.walk(data)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
