package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.verdant.support.EvidenceSamples;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.support.EvidenceSamples.PDF;
import static org.verdant.support.EvidenceSamples.citing;

/** The evidence routes: upload by content type and size, download as an attachment, the files a stored evaluation cites. */
class EvidenceApiTest {
    static final String TOKEN = "evidence-token-0123456789";
    @RegisterExtension
    static final ApiServer server = ApiServer.requiringToken("verdant-evidence-api", TOKEN);


    @Test
    void uploadDownloadAndTheFilesAStoredEvaluationCites() throws IOException {
        Http.Answer up = server.post("/api/evidence?name=营业执照.pdf", "application/octet-stream", PDF);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        String digest = up.json().path("sha256").asText();
        assertThat(digest).startsWith("sha256:").hasSize(71);
        assertThat(up.json().path("media_type").asText()).isEqualTo("application/pdf");
        assertThat(up.json().path("size").asLong()).isEqualTo(PDF.length);
        assertThat(up.header("Location")).isEqualTo("/api/evidence/" + digest);

        Http.Answer down = server.get("/api/evidence/" + digest);
        assertThat(down.status()).isEqualTo(200);
        assertThat(down.header("Content-Type")).startsWith("application/pdf");
        assertThat(down.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(down.header("Content-Disposition")).startsWith("attachment;").endsWith(".pdf\"");
        assertThat(down.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(PDF);
        assertThat(server.get("/api/evidence/sha256:" + "0".repeat(64)).status()).isEqualTo(404);

        // a stored evaluation may cite only files the archive has
        Http.Answer missing = server.post("/api/evaluations", "application/yaml", citing("sha256:" + "0".repeat(64)));
        assertThat(missing.status()).as(missing.body()).isEqualTo(422);
        assertThat(missing.body()).contains("证据 sha256:" + "0".repeat(64) + " 不在档案中");
        Http.Answer stored = server.post("/api/evaluations", "application/yaml", citing(digest));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.body()).doesNotContain("evidence_unchecked");
        String id = stored.header("X-Verdant-Record");
        JsonNode list = server.get("/api/evidence?evaluation=" + id).json();
        assertThat(list.path("files")).hasSize(1);
        assertThat(list.path("files").get(0).path("sha256").asText()).isEqualTo(digest);
        assertThat(list.path("files").get(0).path("in_archive").asBoolean()).isTrue();
        assertThat(server.get("/api/evidence/" + digest + "?evaluation=" + id).status()).isEqualTo(200);

        JsonNode log = server.get("/api/access-log?limit=1000").json();
        assertThat(log.toString()).contains("POST /api/evidence").contains("GET /api/evidence/" + digest);
    }

    @Test
    void aKindNotKeptIs415AndAFileOverTheLimitIs413AndWritesNeedTheToken() {
        Http.Answer elf = server.post("/api/evidence", "application/octet-stream", new byte[]{0x7F, 'E', 'L', 'F', 2, 1, 1, 0});
        assertThat(elf.status()).as(elf.body()).isEqualTo(415);
        assertThat(elf.body()).contains("不是 PDF、PNG、JPEG、xlsx 或 CSV");
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        big[0] = '%';
        big[1] = 'P';
        big[2] = 'D';
        big[3] = 'F';
        big[4] = '-';
        Http.Answer tooLarge = server.post("/api/evidence", "application/pdf", big);
        assertThat(tooLarge.status()).isEqualTo(413);
        // above the 2 MiB a submission may have, within the 20 MiB an evidence file may
        Http.Answer scan = server.post("/api/evidence?name=scan.pdf", "application/pdf", java.util.Arrays.copyOf(big, 3 * 1024 * 1024));
        assertThat(scan.status()).as(scan.body()).isEqualTo(201);
        assertThat(scan.json().path("size").asLong()).isEqualTo(3 * 1024 * 1024);
        Http.Answer anonymous = server.anonymous().send(server.request("/api/evidence")
                .POST(HttpRequest.BodyPublishers.ofByteArray(PDF)));
        assertThat(anonymous.status()).isEqualTo(401);
    }
}
