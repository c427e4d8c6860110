package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.verdant.access.Role;
import org.verdant.accounts.Accounts;
import org.verdant.archive.Archive;
import org.verdant.fault.Fault;
import org.verdant.support.TestRulebook;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.serve.ServeApiTest.assertError;

/**
 * The service with accounts: nobody reads or writes without signing in, an enterprise sees and
 * files only its own credit codes, an evaluator its assigned applicants, a regulator everything;
 * browser sessions are cookies whose writes carry the CSRF token; every read and write of a record
 * is in the access log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class ServeAccountsTest {
    static final Path CEMENT = Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml");
    static final String CEMENT_CODE = "91321183788362137D";
    static final Path AUTOPARTS = Path.of("fixtures/green-factory/gbt36132-2018/autoparts-anhui-self-assessment-gaps.yaml");
    static final String AUTOPARTS_CODE = "91340207MA2TG6A474";
    static final String PASSWORD = ApiServer.PASSWORD;

    @RegisterExtension
    static final ApiServer server = ApiServer.withAccounts("verdant-accounts-test")
            .account("cement-co", Role.ENTERPRISE, CEMENT_CODE)
            .account("autoparts-co", Role.ENTERPRISE, AUTOPARTS_CODE)
            .account("evaluator-1", Role.EVALUATOR, CEMENT_CODE)
            .account("miit", Role.REGULATOR)
            .account("admin", Role.ADMINISTRATOR);

    Accounts accounts;
    Http anonymous;
    Http cement;
    Http autoparts;
    Http evaluator;
    Http regulator;
    Http admin;
    long cementRecord;
    long autopartsRecord;

    @BeforeAll
    void signInAndStore() throws IOException {
        accounts = server.accounts();
        anonymous = server.anonymous();
        cement = server.as("cement-co");
        autoparts = server.as("autoparts-co");
        evaluator = server.as("evaluator-1");
        regulator = server.as("miit");
        admin = server.as("admin");
        cementRecord = ServeApiTest.id(cement.post("/api/evaluations", ServeApiTest.YAML, Files.readAllBytes(CEMENT)));
        autopartsRecord = ServeApiTest.id(autoparts.post("/api/evaluations", ServeApiTest.YAML, Files.readAllBytes(AUTOPARTS)));
    }

    @Test
    void nobodyReadsOrWritesWithoutSigningIn() throws IOException {
        for (String path : List.of("/api/evaluations", "/api/evaluations/" + cementRecord, "/api/evaluations/" + cementRecord + "/trace",
                "/api/evaluations/" + cementRecord + "/report", "/api/facilities/" + CEMENT_CODE + "/history",
                "/api/diff?a=" + cementRecord + "&b=" + autopartsRecord, "/api/cohort?year=2023", "/api/access-log")) {
            assertError(anonymous.get(path), 401, "unauthenticated");
        }
        assertError(anonymous.post("/api/evaluations", ServeApiTest.YAML, Files.readAllBytes(CEMENT)), 401, "unauthenticated");
        assertError(anonymous.withToken("vdt_not-a-token").get("/api/evaluations"), 401, "unauthorized");
        // the page, the sign-in page and reference data hold no company's figures
        for (String path : List.of("/", "/login.html", "/login.js", "/session.js", "/api/schemes", "/api/messages")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void anEnterpriseSeesAndFilesOnlyItsOwnFacilities() throws IOException {
        List<Long> listed = new ArrayList<>();
        for (JsonNode e : cement.get("/api/evaluations").json().path("records")) listed.add(e.path("id").asLong());
        assertThat(listed).contains(cementRecord).doesNotContain(autopartsRecord);
        assertThat(cement.get("/api/evaluations/" + cementRecord).status()).isEqualTo(200);
        assertThat(cement.get("/api/evaluations/" + cementRecord + "/trace").status()).isEqualTo(200);
        for (String path : List.of("/api/evaluations/" + autopartsRecord, "/api/evaluations/" + autopartsRecord + "/trace",
                "/api/evaluations/" + autopartsRecord + "/report", "/api/facilities/" + AUTOPARTS_CODE + "/history",
                "/api/diff?a=" + cementRecord + "&b=" + autopartsRecord, "/api/cohort?year=2023")) {
            assertError(cement.get(path), 403, "forbidden");
        }
        int before = regulator.get("/api/evaluations").json().path("records").size();
        // a submission naming a competitor's credit code is refused and stores nothing
        assertError(cement.post("/api/evaluations", ServeApiTest.YAML, Files.readAllBytes(AUTOPARTS)), 403, "forbidden");
        assertThat(regulator.get("/api/evaluations").json().path("records").size()).isEqualTo(before);
    }

    @Test
    void anEvaluatorSeesItsAssignedApplicantsAndARegulatorEverything() {
        assertThat(evaluator.get("/api/evaluations/" + cementRecord).status()).isEqualTo(200);
        assertError(evaluator.get("/api/evaluations/" + autopartsRecord), 403, "forbidden");
        assertThat(evaluator.get("/api/evaluations").json().path("records").size()).isEqualTo(cement.get("/api/evaluations").json().path("records").size());
        assertThat(regulator.get("/api/evaluations/" + autopartsRecord).status()).isEqualTo(200);
        assertThat(regulator.get("/api/diff?a=" + cementRecord + "&b=" + autopartsRecord).status()).isEqualTo(200);
        assertThat(regulator.get("/api/cohort?year=2023").status()).isEqualTo(200);
        // a regulator reads; it files nothing for a company
        assertError(regulator.post("/api/evaluations", ServeApiTest.YAML, bytes(CEMENT)), 403, "forbidden");
        // an administrator manages accounts and sees no company's figures by that role
        assertError(admin.get("/api/evaluations/" + cementRecord), 403, "forbidden");
        assertThat(admin.get("/api/evaluations").json().path("records").size()).isZero();
    }

    @Test
    void aBrowserSessionIsASecureCookieAndItsWritesNeedTheCsrfToken() throws IOException {
        Http.Answer wrong = anonymous.post("/api/session", "application/json", "{\"name\": \"cement-co\", \"password\": \"wrong password!\"}");
        assertError(wrong, 401, "sign_in_failed");
        Http.Answer unknown = anonymous.post("/api/session", "application/json", "{\"name\": \"nobody\", \"password\": \"" + PASSWORD + "\"}");
        assertError(unknown, 401, "sign_in_failed");
        assertThat(unknown.body()).isEqualTo(wrong.body());

        Http.Answer in = anonymous.post("/api/session", "application/json", "{\"name\": \"cement-co\", \"password\": \"" + PASSWORD + "\"}");
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        List<String> cookies = in.response().headers().allValues("Set-Cookie");
        String session = cookies.stream().filter(c -> c.startsWith(Gate.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(session).contains("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure"); // plain HTTP on loopback
        String csrfCookie = cookies.stream().filter(c -> c.startsWith(Gate.CSRF_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(csrfCookie).contains("SameSite=Strict").doesNotContain("HttpOnly");
        String cookie = session.substring(0, session.indexOf(';'));
        String csrf = in.json().path("csrf_token").asText();
        assertThat(csrfCookie).startsWith(Gate.CSRF_COOKIE + "=" + csrf + ";");
        assertThat(in.json().path("account").asText()).isEqualTo("cement-co");

        Http.Answer who = anonymous.send(server.request("/api/session").header("Cookie", cookie).GET());
        assertThat(who.json().path("roles").toString()).contains("enterprise");
        assertThat(anonymous.send(server.request("/api/evaluations/" + cementRecord).header("Cookie", cookie).GET())
                .status()).isEqualTo(200);
        // a write without the CSRF token (what a page elsewhere could make the browser send) is refused
        Http.Answer noCsrf = anonymous.send(server.request("/api/evaluate?plan=false").header("Cookie", cookie)
                .header("Content-Type", ServeApiTest.YAML).POST(HttpRequest.BodyPublishers.ofByteArray(bytes(CEMENT))));
        assertError(noCsrf, 403, "csrf");
        Http.Answer badCsrf = anonymous.send(server.request("/api/evaluate?plan=false").header("Cookie", cookie)
                .header(Gate.CSRF_HEADER, "x" + csrf).header("Content-Type", ServeApiTest.YAML).POST(HttpRequest.BodyPublishers.ofByteArray(bytes(CEMENT))));
        assertError(badCsrf, 403, "csrf");
        Http.Answer withCsrf = anonymous.send(server.request("/api/evaluate?plan=false").header("Cookie", cookie)
                .header(Gate.CSRF_HEADER, csrf).header("Content-Type", ServeApiTest.YAML).POST(HttpRequest.BodyPublishers.ofByteArray(bytes(CEMENT))));
        assertThat(withCsrf.status()).as(withCsrf.body()).isEqualTo(200);

        Http.Answer out = anonymous.send(server.request("/api/session").header("Cookie", cookie)
                .header(Gate.CSRF_HEADER, csrf).DELETE());
        assertThat(out.status()).isEqualTo(204);
        assertError(anonymous.send(server.request("/api/evaluations").header("Cookie", cookie).GET()), 401, "unauthenticated");
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecure() throws IOException {
        Archive archive = Archive.open(server.data());
        try (VerdantServer proxied = VerdantServer.start(new VerdantServer.Config("127.0.0.1", 0, TestRulebook.compiled(), archive, null,
                1, accounts, List.of("verdant.example.org"), true), null)) {
            Http.Answer in = new Http(proxied.uri(), null).send(HttpRequest.newBuilder(proxied.uri().resolve("/api/session"))
                    .header("Content-Type", "application/json").header("X-Forwarded-Proto", "https")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"miit\", \"password\": \"" + PASSWORD + "\"}")));
            assertThat(in.status()).as(in.body()).isEqualTo(200);
            assertThat(in.response().headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).contains("; Secure"));
        }
    }

    @Test
    void everyReadAndWriteOfARecordIsInTheAccessLog() throws Fault {
        assertThat(autoparts.get("/api/evaluations/" + autopartsRecord).status()).isEqualTo(200);
        assertError(cement.get("/api/evaluations/" + autopartsRecord), 403, "forbidden");
        Http.Answer log = regulator.get("/api/access-log?limit=1000");
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        for (JsonNode e : log.json().path("entries")) {
            lines.add(e.path("actor").asText() + " " + e.path("action").asText() + " " + e.path("record_id").asText() + " " + e.path("outcome").asText());
            assertThat(e.path("at").asText()).isNotBlank();
        }
        assertThat(lines).contains("cement-co FILE " + cementRecord + " ok", "autoparts-co FILE " + autopartsRecord + " ok",
                "autoparts-co READ " + autopartsRecord + " ok", "cement-co READ " + autopartsRecord + " denied");
        assertThat(admin.get("/api/access-log").status()).isEqualTo(200);
        assertError(cement.get("/api/access-log"), 403, "forbidden");
        // a removed account's token opens nothing any more
        Http gone = anonymous.withToken(accounts.newToken("evaluator-1"));
        assertThat(gone.get("/api/evaluations/" + cementRecord).status()).isEqualTo(200);
        accounts.add("temp-evaluator", Set.of(Role.EVALUATOR), Set.of(CEMENT_CODE), PASSWORD.toCharArray());
        Http temp = anonymous.withToken(accounts.newToken("temp-evaluator"));
        assertThat(temp.get("/api/evaluations/" + cementRecord).status()).isEqualTo(200);
        accounts.remove("temp-evaluator");
        assertError(temp.get("/api/evaluations/" + cementRecord), 401, "unauthorized");
    }

    static byte[] bytes(Path p) {
        return ServeApiTest.bytes(p);
    }
}
