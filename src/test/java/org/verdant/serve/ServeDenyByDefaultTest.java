package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.verdant.access.Role;
import org.verdant.accounts.Accounts;
import org.verdant.app.Workbooks;
import org.verdant.archive.Archive;
import org.verdant.archive.Stored;
import org.verdant.fault.Fault;
import org.verdant.support.TestRulebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.serve.ServeApiTest.assertError;

/**
 * Nobody is let in by default: a server not started in the local mode treats a request without a
 * sign-in as anonymous on every route but the page and reference data; a workbook is filed only for
 * the account's own credit codes; disputes and the archive check are in the access log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class ServeDenyByDefaultTest {
    static final String CEMENT_CODE = ServeAccountsTest.CEMENT_CODE;
    static final String PASSWORD = ServeAccountsTest.PASSWORD;

    /** The server with accounts, as the browser tests get it, without a browser: this class asks the API only. */
    @RegisterExtension
    static final BrowserFixture servers = BrowserFixture.serversOnly().withAccounts(accounts -> {
        accounts.add("cement-co", Set.of(Role.ENTERPRISE), Set.of(CEMENT_CODE), PASSWORD.toCharArray());
        accounts.add("autoparts-co", Set.of(Role.ENTERPRISE), Set.of(ServeAccountsTest.AUTOPARTS_CODE), PASSWORD.toCharArray());
        accounts.add("miit", Set.of(Role.REGULATOR), Set.of(), PASSWORD.toCharArray());
    });

    Archive archive;
    VerdantServer server;
    Accounts accounts;
    Http anonymous;
    Http cement;
    Http autoparts;
    Http regulator;

    @BeforeAll
    void tokens() throws Fault {
        archive = servers.accountsArchive();
        server = servers.accountsServer();
        accounts = servers.accounts();
        anonymous = new Http(server.uri(), null);
        cement = anonymous.withToken(accounts.newToken("cement-co"));
        autoparts = anonymous.withToken(accounts.newToken("autoparts-co"));
        regulator = anonymous.withToken(accounts.newToken("miit"));
    }

    @Test
    void aServerNotStartedLocalLetsNobodyInWithoutSigningIn() throws IOException {
        Path other = Files.createTempDirectory("verdant-deny-nolocal");
        try (VerdantServer s = VerdantServer.start(new VerdantServer.Config("127.0.0.1", 0, TestRulebook.compiled(), Archive.open(other), null, 2,
                null, List.of(), false), null)) {
            Http nobody = new Http(s.uri(), null);
            assertError(nobody.get("/api/evaluations"), 401, "unauthenticated");
            assertThat(nobody.get("/api/evaluations").json().path("message").asText()).contains("登录");
            assertThat(nobody.get("/api/evaluations?lang=en").json().path("message").asText()).contains("sign in");
            assertError(nobody.get("/api/session"), 401, "unauthenticated");
            assertError(nobody.post("/api/evaluations", ServeApiTest.YAML, ServeApiTest.bytes(ServeAccountsTest.CEMENT)), 401, "unauthenticated");
            assertThat(nobody.get("/").status()).isEqualTo(200);
            assertThat(nobody.get("/api/schemes").status()).isEqualTo(200);
            assertThat(nobody.get("/api/schemes").json().path("service").path("sign_in").path("mode").asText()).isEqualTo("closed");
        } finally {
            ServeApiTest.delete(other);
        }
    }

    @Test
    void everyProtectedRouteAnswersAnonymous401InTheJsonShape() {
        List<String> gets = List.of("/api/evaluations", "/api/evaluations/1", "/api/evaluations/1/report", "/api/evaluations/1/trace",
                "/api/facilities/" + CEMENT_CODE + "/history", "/api/diff?a=1&b=1", "/api/cohort?year=2023", "/api/access-log",
                "/api/disputes/1", "/api/disputes/1/report", "/api/archive/verify", "/api/schema?scheme=green-factory");
        for (String path : gets) assertError(anonymous.get(path), 401, "unauthenticated");
        List<String> posts = List.of("/api/evaluations", "/api/evaluate", "/api/report", "/api/parse", "/api/evaluations/1/verify",
                "/api/evaluations/1/objections", "/api/disputes/1/ruling", "/api/archive/verify");
        for (String path : posts) assertError(anonymous.post(path, "application/json", "{}"), 401, "unauthenticated");
        assertError(anonymous.post("/api/xlsx/evaluate", XlsxApi.XLSX, new byte[]{'P', 'K'}), 401, "unauthenticated");
        assertError(anonymous.post("/api/xlsx/evaluations", XlsxApi.XLSX, new byte[]{'P', 'K'}), 401, "unauthenticated");
        assertThat(anonymous.get("/api/evaluations?lang=en").json().path("message").asText()).contains("sign in");
        // the page, its scripts and the reference data are open
        for (String path : List.of("/", "/login.html", "/session.js", "/api/schemes", "/api/messages", "/api/templates/green-factory-2025")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void theSchemesTellAnAnonymousUserWhereToSignIn() {
        JsonNode open = anonymous.get("/api/schemes").json().path("service").path("sign_in");
        assertThat(open.path("mode").asText()).isEqualTo("accounts");
        assertThat(open.path("signed_in").asBoolean(true)).isFalse();
        assertThat(open.path("page").asText()).isEqualTo("/login.html");
        JsonNode signedIn = cement.get("/api/schemes").json().path("service").path("sign_in");
        assertThat(signedIn.path("signed_in").asBoolean(false)).isTrue();
        assertThat(signedIn.path("account").asText()).isEqualTo("cement-co");
    }

    @Test
    void aWorkbookIsFiledOnlyForTheAccountsOwnCreditCodes() throws Exception {
        Path autopartsFile = ServeAccountsTest.AUTOPARTS;
        byte[] xlsx = Workbooks.template(TestRulebook.compiled(), "green-factory", null, null, "zh", autopartsFile.toString(), Files.readAllBytes(autopartsFile));
        int before = archive.list(new org.verdant.archive.ArchiveQuery(null, null, null, null)).size();
        assertError(cement.post("/api/xlsx/evaluations?file=a.xlsx", XlsxApi.XLSX, xlsx), 403, "forbidden");
        assertThat(archive.list(new org.verdant.archive.ArchiveQuery(null, null, null, null))).hasSize(before);
        Http.Answer own = autoparts.post("/api/xlsx/evaluations?file=a.xlsx", XlsxApi.XLSX, xlsx);
        long id = ServeApiTest.id(own);
        assertThat(log()).contains("cement-co FILE - denied /api/xlsx/evaluations?file=a.xlsx", "autoparts-co FILE " + id + " ok /api/xlsx/evaluations?file=a.xlsx");
    }

    @Test
    void disputesAndTheArchiveCheckAreInTheAccessLog() {
        long record = ServeApiTest.id(cement.post("/api/evaluations", ServeApiTest.YAML, Stored.factory(2023, CEMENT_CODE, List.of("INF-05"))));
        Http.Answer filed = cement.post("/api/evaluations/" + record + "/objections", "application/json",
                "{\"criteria\": [\"INF-05\"], \"reason\": \"证书已补齐\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String n = filed.json().path("id").asText();
        assertThat(cement.get("/api/disputes/" + n).status()).isEqualTo(200);
        assertError(autoparts.get("/api/disputes/" + n), 403, "forbidden");
        assertThat(cement.get("/api/disputes/" + n + "/report?format=md").status()).isEqualTo(200);
        assertError(cement.post("/api/disputes/" + n + "/ruling", "application/json", "{\"ruling\": \"upheld\", \"reason\": \"自己裁定\"}"), 403, "forbidden");
        assertThat(regulator.post("/api/disputes/" + n + "/ruling", "application/json", "{\"ruling\": \"upheld\", \"reason\": \"证据充分\"}").status())
                .isEqualTo(201);
        assertThat(regulator.get("/api/archive/verify").status()).isEqualTo(200);
        assertError(cement.get("/api/archive/verify"), 403, "forbidden");
        assertThat(log()).contains(
                "cement-co OBJECT " + record + " ok /api/evaluations/" + record + "/objections",
                "cement-co READ " + record + " ok /api/disputes/" + n,
                "autoparts-co READ - denied /api/disputes/" + n,
                "cement-co READ " + record + " ok /api/disputes/" + n + "/report?format=md",
                "cement-co RULE - denied /api/disputes/" + n + "/ruling",
                "miit RULE " + record + " ok /api/disputes/" + n + "/ruling",
                "miit VERIFY - ok /api/archive/verify",
                "cement-co VERIFY - denied /api/archive/verify");
    }

    @Test
    void aSignedInPersonChangesTheirPasswordAndEverySessionEnds() throws Fault {
        accounts.add("pw-user", Set.of(Role.REGULATOR), Set.of(), PASSWORD.toCharArray());
        String[] first = signIn("pw-user", PASSWORD);
        String[] second = signIn("pw-user", PASSWORD);
        Http script = anonymous.withToken(accounts.newToken("pw-user"));
        String body = "{\"old\": \"" + PASSWORD + "\", \"new\": \"a fresh long secret\"}";
        assertError(withCookie(first, false).post("/api/session/password", "application/json", body), 403, "csrf");
        assertError(withCookie(first, true).post("/api/session/password", "application/json", "{\"old\": \"not it at all\", \"new\": \"a fresh long secret\"}"),
                403, "wrong_password");
        Http.Answer weak = withCookie(first, true).post("/api/session/password?lang=en", "application/json", "{\"old\": \"" + PASSWORD + "\", \"new\": \"zzzzzzzzzzzz\"}");
        assertError(weak, 400, "bad_request");
        assertThat(weak.json().path("message").asText()).contains("at least 5 different characters");

        Http.Answer changed = withCookie(first, true).post("/api/session/password", "application/json", body);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("tokens_revoked").asInt()).isEqualTo(1);
        assertError(script.get("/api/evaluations"), 401, "unauthorized");
        String[] renewed = cookies(changed);
        assertError(withCookie(first, false).get("/api/evaluations"), 401, "unauthenticated");
        assertError(withCookie(second, false).get("/api/evaluations"), 401, "unauthenticated");
        assertThat(withCookie(renewed, false).get("/api/evaluations").status()).isEqualTo(200);
        assertError(anonymous.post("/api/session", "application/json", "{\"name\": \"pw-user\", \"password\": \"" + PASSWORD + "\"}"), 401, "sign_in_failed");
        signIn("pw-user", "a fresh long secret");
        assertThat(log()).contains("pw-user PASSWORD - ok /api/session/password", "pw-user PASSWORD - denied /api/session/password");
    }

    @Test
    void onlyAnAdministratorResetsAnothersPassword() throws Fault {
        accounts.add("reset-me", Set.of(Role.REGULATOR), Set.of(), PASSWORD.toCharArray());
        accounts.add("root", Set.of(Role.ADMINISTRATOR), Set.of(), PASSWORD.toCharArray());
        String[] theirs = signIn("reset-me", PASSWORD);
        Http script = anonymous.withToken(accounts.newToken("reset-me"));
        Http otherScript = anonymous.withToken(accounts.newToken("reset-me"));
        assertThat(script.get("/api/evaluations").status()).isEqualTo(200);
        String reset = "{\"name\": \"reset-me\", \"new\": \"set by the admin\"}";
        assertError(regulator.post("/api/session/password", "application/json", reset), 403, "forbidden");
        Http root = anonymous.withToken(accounts.newToken("root"));
        Http.Answer done = root.post("/api/session/password", "application/json", reset);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().path("tokens_revoked").asInt()).isEqualTo(2);
        assertThat(done.json().path("message").asText()).contains("2 个 API 令牌已吊销");
        assertError(withCookie(theirs, false).get("/api/evaluations"), 401, "unauthenticated");
        // a reset is what follows a compromise: the tokens made with the old password end with it
        assertError(script.get("/api/evaluations"), 401, "unauthorized");
        assertError(otherScript.get("/api/evaluations"), 401, "unauthorized");
        signIn("reset-me", "set by the admin");
        assertError(root.post("/api/session/password", "application/json", "{\"name\": \"nobody-here\", \"new\": \"set by the admin\"}"), 404, "not_found");
    }

    @Test
    void fiveFailedSignInsLockTheAccountWithARetryAfter() throws Fault {
        accounts.add("locked-out", Set.of(Role.REGULATOR), Set.of(), PASSWORD.toCharArray());
        String wrong = "{\"name\": \"locked-out\", \"password\": \"not the password\"}";
        for (int i = 0; i < org.verdant.accounts.SignInLimits.ACCOUNT_FAILURES; i++) {
            assertError(anonymous.post("/api/session", "application/json", wrong), 401, "sign_in_failed");
        }
        Http.Answer locked = anonymous.post("/api/session", "application/json", "{\"name\": \"locked-out\", \"password\": \"" + PASSWORD + "\"}");
        assertError(locked, 429, "locked_out");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(800L, 900L);
        assertThat(locked.json().path("message").asText()).contains("锁定").contains("15 分钟");
        assertThat(anonymous.post("/api/session?lang=en", "application/json", wrong).json().path("message").asText()).contains("try again in 15 minute");
        // another account from the same address still signs in
        signIn("miit", PASSWORD);
        assertThat(log()).contains("locked-out SIGN_IN - locked /api/session");
    }

    /** Signs in on the page's route: {session cookie, CSRF token}. */
    private String[] signIn(String name, String password) {
        Http.Answer in = anonymous.post("/api/session", "application/json", "{\"name\": \"" + name + "\", \"password\": \"" + password + "\"}");
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        return cookies(in);
    }

    private static String[] cookies(Http.Answer a) {
        String session = a.response().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Gate.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        return new String[]{session.substring(0, session.indexOf(';')), a.json().path("csrf_token").asText()};
    }

    /** A client sending the session cookie (and, for writes, its CSRF token). */
    private Browser withCookie(String[] session, boolean csrf) {
        return new Browser(anonymous, server, session, csrf);
    }

    private record Browser(Http http, VerdantServer server, String[] session, boolean csrf) {
        Http.Answer get(String path) {
            return http.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve(path)).header("Cookie", session[0]).GET());
        }

        Http.Answer post(String path, String type, String body) {
            var b = java.net.http.HttpRequest.newBuilder(server.uri().resolve(path)).header("Cookie", session[0]).header("Content-Type", type)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
            if (csrf) b.header(Gate.CSRF_HEADER, session[1]);
            return http.send(b);
        }
    }

    /** The access log as "actor action record outcome path" lines (record "-" when none). */
    private List<String> log() {
        Http.Answer a = regulator.get("/api/access-log?limit=1000");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        for (JsonNode e : a.json().path("entries")) {
            String what = e.path("what").asText();
            lines.add(e.path("actor").asText() + " " + e.path("action").asText() + " " + (e.path("record_id").isNull() ? "-" : e.path("record_id").asText())
                    + " " + e.path("outcome").asText() + " " + what.substring(what.indexOf(' ') + 1));
            assertThat(e.path("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        }
        return lines;
    }
}
