package org.verdant.serve;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.verdant.access.Role;
import org.verdant.accounts.Accounts;
import org.verdant.archive.Archive;
import org.verdant.fault.Fault;
import org.verdant.support.TestRulebook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A server over a fresh archive for the API test classes, as a JUnit 5 extension: registered on a
 * static field ({@code @RegisterExtension static final ApiServer server = …}) it starts before the
 * class's first test and stops, removing its archive, after its last. The tests of a class share
 * it (every API test today works on records of its own, so one archive a class is enough).
 */
final class ApiServer implements BeforeAllCallback, AfterAllCallback {
    /** The password every account of a server with accounts has (tests sign in with it). */
    static final String PASSWORD = "correct horse battery";

    private record Account(String name, Set<Role> roles, Set<String> creditCodes) {
    }

    private final String folderPrefix;
    private final String token;
    private final List<Account> accounts;
    private Path data;
    private VerdantServer server;
    private Http http;
    private Accounts accountsStore;
    private final Map<String, Http> signedIn = new HashMap<>();

    private ApiServer(String folderPrefix, String token, List<Account> accounts) {
        this.folderPrefix = folderPrefix;
        this.token = token;
        this.accounts = accounts;
    }

    /** Local single-user mode whose writes need {@code token}. */
    static ApiServer requiringToken(String folderPrefix, String token) {
        return new ApiServer(folderPrefix, token, null);
    }

    /** Local single-user mode with no token: anyone on loopback writes. */
    static ApiServer local(String folderPrefix) {
        return new ApiServer(folderPrefix, null, null);
    }

    /** With accounts: nobody reads or writes without signing in; add them with {@link #account}. */
    static ApiServer withAccounts(String folderPrefix) {
        return new ApiServer(folderPrefix, null, new ArrayList<>());
    }

    /** One more account (before the server starts), signed in later with {@link #as}. */
    ApiServer account(String name, Role role, String... creditCodes) {
        if (accounts == null) throw new IllegalStateException("a server without accounts has no " + name);
        accounts.add(new Account(name, EnumSet.of(role), Set.of(creditCodes)));
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, Fault {
        data = Files.createTempDirectory(folderPrefix);
        Archive archive = Archive.open(data);
        VerdantServer.Config config = new VerdantServer.Config("127.0.0.1", 0, TestRulebook.compiled(), archive, token);
        if (accounts != null) {
            accountsStore = Accounts.of(archive);
            for (Account a : accounts) accountsStore.add(a.name(), a.roles(), a.creditCodes(), PASSWORD.toCharArray());
            config = config.withAccounts(accountsStore);
        }
        server = VerdantServer.start(config, null);
        http = new Http(server.uri(), token);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (server != null) server.close();
        delete(data);
        signedIn.clear();
    }

    /** Removes a folder and all it holds (nothing if it is not there). */
    static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    // ---- what a test asks of it ----------------------------------------------------------------

    /** The client that sends the server's token (none in local mode without one, or with accounts). */
    Http http() {
        return http;
    }

    /** A client that sends no token at all. */
    Http anonymous() {
        return http.withToken(null);
    }

    /** A client that sends {@code other} as its token. */
    Http withToken(String other) {
        return http.withToken(other);
    }

    /** A client signed in as the account {@code name} (by an API token of its own, made once). */
    Http as(String name) {
        if (accountsStore == null) throw new IllegalStateException("a server without accounts has no " + name);
        return signedIn.computeIfAbsent(name, n -> {
            try {
                return http.withToken(accountsStore.newToken(n));
            } catch (Fault f) {
                throw new IllegalStateException("no token for " + n + ": " + f.getMessage(), f);
            }
        });
    }

    Accounts accounts() {
        return accountsStore;
    }

    /** The folder of the server's archive (a second server or the archive itself may be opened over it). */
    Path data() {
        return data;
    }

    URI uri() {
        return server.uri();
    }

    int port() {
        return server.port();
    }

    /** A request to {@code path} on this server, for what the plain calls do not cover (headers, methods). */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.uri().resolve(path));
    }

    Http.Answer get(String path) {
        return http.get(path);
    }

    Http.Answer post(String path, String contentType, String body) {
        return http.post(path, contentType, body);
    }

    Http.Answer post(String path, String contentType, byte[] body) {
        return http.post(path, contentType, body);
    }

    Http.Answer put(String path, String contentType, String body) {
        return http.send(request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Http.Answer send(HttpRequest.Builder request) {
        return http.send(request);
    }
}
