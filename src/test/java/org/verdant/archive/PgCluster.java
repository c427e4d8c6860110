package org.verdant.archive;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL for the tests: the database VERDANT_TEST_JDBC_URL names if set, otherwise a
 * throwaway cluster started once per test run (temporary directory, free port on 127.0.0.1,
 * stopped and deleted when the JVM exits) from the PostgreSQL binaries on this machine. PostgreSQL
 * refuses to run as root, so as root the cluster runs as the {@code postgres} OS user (runuser).
 * Each test works in a schema of its own ({@link #newSchema()}), so one cluster serves them all.
 */
final class PgCluster {
    /** Where Debian and Ubuntu put each version's server binaries (not on PATH); PATH and /usr/local/pgsql/bin are tried after. */
    private static final Path DEBIAN = Path.of("/usr/lib/postgresql");
    private static PgCluster shared;
    private static String unavailable;

    final String url;
    final String user;
    final String password;
    private final Path dir;
    private final Path binDir;
    private final List<String> asUser;

    private PgCluster(String url, String user, String password, Path dir, Path binDir, List<String> asUser) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.dir = dir;
        this.binDir = binDir;
        this.asUser = asUser;
    }

    /**
     * The shared cluster. The test is skipped (saying why) only when this machine has no
     * PostgreSQL server binaries at all; binaries that fail to start a cluster fail the test.
     */
    static synchronized PgCluster get() {
        if (shared == null && unavailable == null) {
            try {
                shared = start();
            } catch (NoServer e) {
                unavailable = e.getMessage();
            } catch (Exception e) {
                throw new AssertionError("PostgreSQL is installed but the test cluster did not start: " + e.getMessage(), e);
            }
        }
        Assumptions.assumeTrue(shared != null, () -> "PostgreSQL tests skipped: " + unavailable
                + " (install postgresql, as .ci/run does, or set VERDANT_TEST_JDBC_URL)");
        return shared;
    }

    /** Nothing to run a cluster with on this machine. */
    private static final class NoServer extends Exception {
        NoServer(String message) {
            super(message);
        }
    }

    Connection connect(String u) throws SQLException {
        return connect(u, user, password);
    }

    static Connection connect(String u, String user, String password) throws SQLException {
        Properties p = new Properties();
        if (user != null) p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        return DriverManager.getConnection(u, p);
    }

    /** A new, empty schema; its URL makes it the current one. Left for the cluster's removal (or dropped by the caller). */
    String newSchema() throws SQLException {
        String schema = "verdant_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return schema;
    }

    String urlOf(String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    void dropSchema(String schema) throws SQLException {
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static PgCluster start() throws Exception {
        String envUrl = System.getenv("VERDANT_TEST_JDBC_URL");
        if (envUrl != null && envUrl.startsWith("jdbc:postgresql:")) {
            return new PgCluster(envUrl, System.getenv("VERDANT_TEST_JDBC_USER"), System.getenv("VERDANT_TEST_JDBC_PASSWORD"), null, null, List.of());
        }
        Path bin = binDir();
        if (bin == null) throw new NoServer("no PostgreSQL server binaries (initdb, pg_ctl) found");
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> asUser = root ? List.of("runuser", "-u", "postgres", "--") : List.of();
        Path dir = Files.createTempDirectory("verdant-pg-");
        if (root) {
            UserPrincipal postgres;
            try {
                postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            } catch (IOException e) {
                throw new NoServer("running as root and there is no postgres OS user to run PostgreSQL as");
            }
            Files.setOwner(dir, postgres);
        }
        Path data = dir.resolve("data");
        run(dir, asUser, bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "verdant",
                "-E", "UTF8", "--locale=C", "--no-sync");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PgCluster cluster = new PgCluster("jdbc:postgresql://127.0.0.1:" + port + "/verdant_test", "verdant", null, dir, bin, asUser);
        // fsync off: a test cluster need not survive a crash, and the machine's disk is shared
        run(dir, asUser, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off", "start");
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop));
        try (Connection c = connect("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "verdant", null); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE verdant_test");
        }
        return cluster;
    }

    private void stop() {
        if (dir == null) return;
        try {
            run(dir, asUser, binDir.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (Exception ignored) {
            // the directory goes anyway
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the system cleans it eventually
        }
    }

    private static Path binDir() throws IOException {
        List<Path> candidates = new ArrayList<>();
        if (Files.isDirectory(DEBIAN)) {
            try (Stream<Path> versions = Files.list(DEBIAN)) {
                // the newest version first: 9.6 < 15 < 16 by number, not by name
                versions.sorted(Comparator.comparingDouble(PgCluster::version).reversed()).forEach(v -> candidates.add(v.resolve("bin")));
            }
        }
        String path = System.getenv("PATH");
        if (path != null) for (String d : path.split(java.io.File.pathSeparator)) if (!d.isEmpty()) candidates.add(Path.of(d));
        candidates.add(Path.of("/usr/local/pgsql/bin"));
        for (Path p : candidates) {
            if (Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl"))) return p.toRealPath();
        }
        return null;
    }

    private static double version(Path dir) {
        try {
            return Double.parseDouble(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void run(Path dir, List<String> prefix, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(command));
        Path out = Files.createTempFile("verdant-pg-cmd", ".log");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not finish in 120 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + Files.readString(out).strip());
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
