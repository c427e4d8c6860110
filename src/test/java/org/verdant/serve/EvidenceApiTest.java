package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The evidence routes: upload by content type and size, download as an attachment, the files a stored evaluation cites. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceApiTest {
    static final String TOKEN = "evidence-token-0123456789";
    private static final Path FACTORY = Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml");
    private static final String LICENCE_LINE = "      - 营业执照 (统一社会信用代码 91321183788362137D)\n";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    Path data;
    VerdantServer server;
    Http http;

    ApiServer api;

    @BeforeAll
    void start() throws IOException {
        api = ApiServer.start("verdant-evidence-api", TOKEN);
        data = api.data;
        server = api.server;
        http = api.http;
    }

    @AfterAll
    void stop() throws IOException {
        if (api != null) api.close();
    }

    private String citing(String digest) throws IOException {
        String yaml = Files.readString(FACTORY);
        assertThat(yaml).contains(LICENCE_LINE);
        return yaml.replace(LICENCE_LINE, "      - {document: 营业执照, sha256: \"" + digest + "\"}\n");
    }

    @Test
    void uploadDownloadAndTheFilesAStoredEvaluationCites() throws IOException {
        Http.Answer up = http.post("/api/evidence?name=营业执照.pdf", "application/octet-stream", PDF);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        String digest = up.json().path("sha256").asText();
        assertThat(digest).startsWith("sha256:").hasSize(71);
        assertThat(up.json().path("media_type").asText()).isEqualTo("application/pdf");
        assertThat(up.json().path("size").asLong()).isEqualTo(PDF.length);
        assertThat(up.header("Location")).isEqualTo("/api/evidence/" + digest);

        Http.Answer down = http.get("/api/evidence/" + digest);
        assertThat(down.status()).isEqualTo(200);
        assertThat(down.header("Content-Type")).startsWith("application/pdf");
        assertThat(down.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(down.header("Content-Disposition")).startsWith("attachment;").endsWith(".pdf\"");
        assertThat(down.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(PDF);
        assertThat(http.get("/api/evidence/sha256:" + "0".repeat(64)).status()).isEqualTo(404);

        // a stored evaluation may cite only files the archive has
        Http.Answer missing = http.post("/api/evaluations", "application/yaml", citing("sha256:" + "0".repeat(64)));
        assertThat(missing.status()).as(missing.body()).isEqualTo(422);
        assertThat(missing.body()).contains("证据 sha256:" + "0".repeat(64) + " 不在档案中");
        Http.Answer stored = http.post("/api/evaluations", "application/yaml", citing(digest));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.body()).doesNotContain("evidence_unchecked");
        String id = stored.header("X-Verdant-Record");
        JsonNode list = http.get("/api/evidence?evaluation=" + id).json();
        assertThat(list.path("files")).hasSize(1);
        assertThat(list.path("files").get(0).path("sha256").asText()).isEqualTo(digest);
        assertThat(list.path("files").get(0).path("in_archive").asBoolean()).isTrue();
        assertThat(http.get("/api/evidence/" + digest + "?evaluation=" + id).status()).isEqualTo(200);

        JsonNode log = http.get("/api/access-log?limit=1000").json();
        assertThat(log.toString()).contains("POST /api/evidence").contains("GET /api/evidence/" + digest);
    }

    @Test
    void aKindNotKeptIs415AndAFileOverTheLimitIs413AndWritesNeedTheToken() {
        Http.Answer elf = http.post("/api/evidence", "application/octet-stream", new byte[]{0x7F, 'E', 'L', 'F', 2, 1, 1, 0});
        assertThat(elf.status()).as(elf.body()).isEqualTo(415);
        assertThat(elf.body()).contains("不是 PDF、PNG、JPEG、xlsx 或 CSV");
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        big[0] = '%';
        big[1] = 'P';
        big[2] = 'D';
        big[3] = 'F';
        big[4] = '-';
        Http.Answer tooLarge = http.post("/api/evidence", "application/pdf", big);
        assertThat(tooLarge.status()).isEqualTo(413);
        // above the 2 MiB a submission may have, within the 20 MiB an evidence file may
        Http.Answer scan = http.post("/api/evidence?name=scan.pdf", "application/pdf", java.util.Arrays.copyOf(big, 3 * 1024 * 1024));
        assertThat(scan.status()).as(scan.body()).isEqualTo(201);
        assertThat(scan.json().path("size").asLong()).isEqualTo(3 * 1024 * 1024);
        Http.Answer anonymous = http.withToken(null).send(HttpRequest.newBuilder(server.uri().resolve("/api/evidence"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(PDF)));
        assertThat(anonymous.status()).isEqualTo(401);
    }
}
