package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The holes issue 16 found in the service on loopback, with no accounts (the local single-user
 * mode): DNS rebinding, cross-site writes, Jetty's own HTML error pages, a lone surrogate stored as
 * '?', and slow bodies that hold every worker.
 */
@Timeout(300)
class ServeHardeningTest {
    static final Path CEMENT = Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml");

    @RegisterExtension
    static final ApiServer server = ApiServer.local("verdant-hardening-test");

    /** One request written by hand (the JDK client will not send a foreign Host), the whole answer read back. */
    String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    static String body(String answer) {
        int at = answer.indexOf("\r\n\r\n");
        return at < 0 ? "" : answer.substring(at + 4);
    }

    @Test
    void aForeignHostIsRefusedSoDnsRebindingReadsNothing() throws IOException {
        String answer = raw("GET /api/evaluations HTTP/1.1\r\nHost: attacker.example:" + server.port() + "\r\nConnection: close\r\n\r\n");
        assertThat(status(answer)).as(answer).isEqualTo(421);
        assertThat(answer).contains("application/json").contains("nosniff");
        assertThat(body(answer)).contains("\"error\"");
        String wrongPort = raw("GET /api/schemes HTTP/1.1\r\nHost: 127.0.0.1:1\r\nConnection: close\r\n\r\n");
        assertThat(status(wrongPort)).isEqualTo(421);
        String ours = raw("GET /api/schemes HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nConnection: close\r\n\r\n");
        assertThat(status(ours)).as(ours).isEqualTo(200);
    }

    @Test
    void aCrossSiteWriteIsRefusedAndStoresNothing() throws IOException {
        int before = server.get("/api/evaluations").json().path("records").size();
        Http.Answer foreign = server.send(server.request("/api/evaluations")
                .header("Content-Type", "application/yaml").header("Origin", "https://attacker.example")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(CEMENT))));
        ServeApiTest.assertError(foreign, 403, "cross_origin");
        // a plain-text body is what a page elsewhere can send without asking: never a write
        Http.Answer plain = server.post("/api/evaluations", "text/plain", Files.readAllBytes(CEMENT));
        ServeApiTest.assertError(plain, 415, "unsupported_media_type");
        Http.Answer site = server.send(server.request("/api/evaluations")
                .header("Content-Type", "application/yaml").header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(CEMENT))));
        ServeApiTest.assertError(site, 403, "cross_origin");
        assertThat(server.get("/api/evaluations").json().path("records").size()).isEqualTo(before);
        // the page's own origin may write
        Http.Answer own = server.send(server.request("/api/evaluate?plan=false")
                .header("Content-Type", "application/yaml").header("Origin", server.uri().toString().replaceFirst("/$", ""))
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(CEMENT))));
        assertThat(own.status()).as(own.body()).isEqualTo(200);
    }

    @Test
    void jettysOwnErrorsAnswerInTheJsonShapeWithNosniff() throws IOException {
        List<String> answers = new ArrayList<>();
        answers.add(raw("GET /api/%zz HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n"));
        answers.add(raw("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n"));
        answers.add(raw("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nX-Big: " + "b".repeat(20_000) + "\r\nConnection: close\r\n\r\n"));
        answers.add(raw("POST /api/evaluate HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nContent-Type: application/yaml\r\n"
                + "Content-Length: banana\r\nConnection: close\r\n\r\n"));
        for (String a : answers) {
            assertThat(status(a)).as(a).isBetween(400, 499);
            assertThat(a.toLowerCase()).as(a).contains("content-type: application/json").contains("x-content-type-options: nosniff");
            assertThat(Http.JSON.readTree(body(a)).path("error").asText()).as(a).isNotBlank();
            assertThat(Http.JSON.readTree(body(a)).path("message").asText()).as(a).isNotBlank();
        }
    }

    @Test
    void aLoneSurrogateIsRefusedWhereItStandsNotStoredAsAQuestionMark() throws IOException {
        String yaml = Files.readString(CEMENT).replaceFirst("(?m)^(\\s*name:).*$", "$1 \"Cement \\\\ud800 Works\"");
        String envelope = "{\"submission\": " + Http.JSON.writeValueAsString(yaml).replace("\\\\ud800", "\\ud800") + "}";
        Http.Answer a = server.post("/api/evaluations", "application/json", envelope);
        assertThat(a.status()).as(a.body()).isIn(400, 422);
        assertThat(a.body()).contains("surrogate");
        Http.Answer direct = server.post("/api/evaluations", "application/yaml", yaml);
        assertThat(direct.status()).as(direct.body()).isIn(400, 422);
        assertThat(direct.body()).contains("surrogate").contains(":");
    }

    @Test
    void theLocalModeIsOnePersonAndItsReadsAreLoggedToo() throws IOException {
        JsonNode who = server.get("/api/session").json();
        assertThat(who.path("mode").asText()).isEqualTo("local");
        assertThat(who.path("account").asText()).isEqualTo("local");
        ServeApiTest.assertError(server.post("/api/session", "application/json", "{\"name\": \"a\", \"password\": \"b\"}"), 409, "local_mode");
        Http.Answer stored = server.post("/api/evaluations", "application/yaml", Files.readAllBytes(CEMENT));
        long id = ServeApiTest.id(stored);
        assertThat(server.get("/api/evaluations/" + id).status()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        for (JsonNode e : server.get("/api/access-log").json().path("entries")) {
            lines.add(e.path("actor").asText() + " " + e.path("action").asText() + " " + e.path("record_id").asText());
        }
        assertThat(lines).contains("local FILE " + id, "local READ " + id);
    }

    @Test
    void fortySlowBodiesDoNotStopTheServerAnswering() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.getOutputStream().write(("POST /api/evaluate HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                        + "\r\nContent-Type: application/yaml\r\nContent-Length: 100000\r\n\r\nx").getBytes(StandardCharsets.ISO_8859_1));
                slow.add(s);
            }
            Thread trickle = new Thread(() -> {
                try {
                    for (int t = 0; t < 30 && !Thread.currentThread().isInterrupted(); t++) {
                        for (Socket s : slow) {
                            try {
                                s.getOutputStream().write('x');
                            } catch (IOException closed) {
                                // the server hung up on a slow body: what it should do
                            }
                        }
                        Thread.sleep(1000);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            trickle.setDaemon(true);
            trickle.start();
            Thread.sleep(2000);
            long started = System.nanoTime();
            Http.Answer a = server.get("/api/schemes");
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertThat(a.status()).isEqualTo(200);
            assertThat(ms).as("answered while 40 bodies trickle").isLessThan(5000);
            Http.Answer write = server.post("/api/evaluate?plan=false", "application/yaml", Files.readAllBytes(CEMENT));
            assertThat(write.status()).as(write.body()).isEqualTo(200);
            trickle.interrupt();
        } finally {
            for (Socket s : slow) s.close();
        }
    }
}
