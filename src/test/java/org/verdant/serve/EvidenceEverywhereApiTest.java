package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.verdant.support.EvidenceSamples;
import org.verdant.archive.Archive;
import org.verdant.text.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.support.EvidenceSamples.PDF;
import static org.verdant.support.EvidenceSamples.citing;

/**
 * Evidence cited by digest wherever the server has its archive in reach: the assessment an
 * evaluator PUTs, the preview, the report, objections; and files uploaded as multipart/form-data.
 */
class EvidenceEverywhereApiTest {
    static final String TOKEN = "evidence-everywhere-token-0123456789";
    @RegisterExtension
    static final ApiServer server = ApiServer.requiringToken("verdant-evidence-everywhere", TOKEN);
    private static final byte[] CSV = "月份,电量\n1,100\n".getBytes(StandardCharsets.UTF_8);
    private static final String UNKNOWN = "sha256:" + "0".repeat(64);


    private String uploaded(byte[] bytes, String name) {
        Http.Answer up = server.post("/api/evidence?name=" + name, "application/octet-stream", bytes);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        return up.json().path("sha256").asText();
    }

    /** Stores the fixture citing {@code digest}; returns the record's id. */
    private String storedCiting(String digest) throws IOException {
        Http.Answer stored = server.post("/api/evaluations", "application/yaml", citing(digest));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        return stored.header("X-Verdant-Record");
    }

    /** A multipart/form-data body as a browser's FormData sends it: one part per file. */
    private static byte[] multipart(String boundary, Object... nameAndBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < nameAndBytes.length; i += 2) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + nameAndBytes[i]
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write((byte[]) nameAndBytes[i + 1]);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private Http.Answer postMultipart(byte[] body) {
        return server.post("/api/evidence", "multipart/form-data; boundary=XyZ-boundary-42", body);
    }

    @Test
    void multipartUploadsStoreEveryFileWithTheRawBodysLimitsAndAnswers() throws IOException {
        Http.Answer two = postMultipart(multipart("XyZ-boundary-42", "报告.pdf", PDF, "台账.csv", CSV));
        assertThat(two.status()).as(two.body()).isEqualTo(201);
        JsonNode files = two.json().path("files");
        assertThat(files).hasSize(2);
        assertThat(files.get(0).path("media_type").asText()).isEqualTo("application/pdf");
        assertThat(files.get(0).path("size").asLong()).isEqualTo(PDF.length);
        assertThat(files.get(1).path("media_type").asText()).startsWith("text/csv");
        String pdf = files.get(0).path("sha256").asText();
        assertThat(two.header("Location")).isEqualTo("/api/evidence/" + pdf);
        assertThat(server.get("/api/evidence/" + pdf).body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(PDF);

        // by content, whatever the part's name says; and nothing of a refused request is stored
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
        Http.Answer refused = postMultipart(multipart("XyZ-boundary-42", "ok.pdf", "%PDF-1.4\nother\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "x.pdf", elf));
        assertThat(refused.status()).as(refused.body()).isEqualTo(415);
        assertThat(server.get("/api/evidence/" + org.verdant.app.Application.digest("%PDF-1.4\nother\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))).status())
                .isEqualTo(404);

        byte[] big = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, 8);
        Http.Answer tooLarge = postMultipart(multipart("XyZ-boundary-42", "big.pdf", big));
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);

        Http.Answer none = server.post("/api/evidence", "multipart/form-data; boundary=XyZ-boundary-42",
                "--XyZ-boundary-42\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--XyZ-boundary-42--\r\n");
        assertThat(none.status()).as(none.body()).isEqualTo(400);

        // from this server's own page (its Origin) but nobody signed in: as any write
        Http.Answer anonymous = server.anonymous().send(server.request("/api/evidence")
                .header("Content-Type", "multipart/form-data; boundary=XyZ-boundary-42").header("Origin", "http://" + server.uri().getRawAuthority())
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("XyZ-boundary-42", "a.pdf", PDF))));
        assertThat(anonymous.status()).isEqualTo(401);
        // no Origin, no same-origin fetch, no Authorization: what a form elsewhere sends, refused for its type
        assertThat(server.anonymous().post("/api/evidence", "multipart/form-data; boundary=XyZ-boundary-42",
                multipart("XyZ-boundary-42", "a.pdf", PDF)).status()).isEqualTo(415);

        // a form on another site can send multipart/form-data: it is taken only from this server's page or a script
        Http.Answer crossSite = server.send(server.request("/api/evidence")
                .header("Content-Type", "multipart/form-data; boundary=XyZ-boundary-42").header("Origin", "http://elsewhere.example")
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("XyZ-boundary-42", "a.pdf", PDF))));
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(server.post("/api/evaluations", "multipart/form-data; boundary=XyZ-boundary-42", multipart("XyZ-boundary-42", "a.yaml", PDF)).status())
                .isEqualTo(415);

        String log = server.get("/api/access-log?limit=1000").json().toString();
        assertThat(log).contains("POST /api/evidence");
        assertThat(log).contains("refused");
    }

    /** One part just over a file's limit, in a body whose length is declared: the parser stops at the part's limit. */
    @Test
    void aPartJustOverTheFileLimitIs413InTheUsersLanguage() throws IOException {
        byte[] over = new byte[(int) org.verdant.archive.EvidenceStore.MAX_SIZE + 1];
        System.arraycopy(PDF, 0, over, 0, 8);
        byte[] body = multipart("XyZ-boundary-42", "big.pdf", over);
        assertThat((long) body.length).as("within the whole body's cap: the part's own limit refuses it").isLessThan(EvidenceApi.MAX_MULTIPART);
        Http.Answer zh = postMultipart(body);
        assertThat(zh.status()).as(zh.body()).isEqualTo(413);
        assertThat(zh.json().path("error").asText()).isEqualTo("too_large");
        assertThat(zh.json().path("message").asText()).isEqualTo("证据文件超过上限 20971520 字节（20 MiB）");
        Http.Answer en = server.post("/api/evidence?lang=en", "multipart/form-data; boundary=XyZ-boundary-42", body);
        assertThat(en.status()).as(en.body()).isEqualTo(413);
        assertThat(en.json().path("message").asText()).isEqualTo("the evidence file is larger than the limit of 20971520 bytes (20 MiB)");
    }

    /**
     * A part whose headers pass the parser's limit is a malformed request, not a file over the size
     * limit (the parser's words for it, "headers max length exceeded", once passed for the latter).
     */
    @Test
    void aPartWhoseHeadersAreTooLongIsABadRequestNotATooLargeFile() throws IOException {
        Http.Answer a = postMultipart(multipart("XyZ-boundary-42", "a".repeat(10_000) + ".pdf", PDF));
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.json().path("error").asText()).isEqualTo("bad_request");
        assertThat(a.json().path("message").asText()).startsWith("multipart/form-data 请求无法解析");
        Http.Answer en = server.post("/api/evidence?lang=en", "multipart/form-data; boundary=XyZ-boundary-42",
                multipart("XyZ-boundary-42", "a".repeat(10_000) + ".pdf", PDF));
        assertThat(en.status()).isEqualTo(400);
        assertThat(en.json().path("message").asText()).startsWith("the multipart/form-data request cannot be parsed");
    }

    @Test
    void thePreviewAndTheReportCheckDigestsAgainstTheArchive() throws IOException {
        String digest = uploaded(PDF, "营业执照.pdf");
        for (String path : new String[]{"/api/evaluate", "/api/evaluate?format=verdict", "/api/report?format=md"}) {
            Http.Answer missing = server.post(path, "application/yaml", citing(UNKNOWN));
            assertThat(missing.status()).as(path + " " + missing.body()).isEqualTo(422);
            assertThat(missing.body()).contains("证据 " + UNKNOWN + " 不在档案中");
        }
        Http.Answer preview = server.post("/api/evaluate?format=verdict", "application/yaml", citing(digest));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).doesNotContain("evidence_unchecked");
        Http.Answer report = server.post("/api/report?format=md", "application/yaml", citing(digest));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.body()).contains("PDF 文档，" + PDF.length + " 字节，" + digest);
    }

    @Test
    void anAssessmentCitesUploadedFilesAndAnUnknownOneIsALocatedProblemOfIt() throws IOException {
        String licence = uploaded(PDF, "营业执照.pdf");
        String visit = uploaded(EvidenceSamples.VISIT, "现场核查记录.pdf");
        Http.Answer stored = server.post("/api/evaluations", "application/yaml", citing(licence));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        String id = stored.header("X-Verdant-Record");
        Http.Answer unknown = put(id, EvidenceSamples.acceptingB1(UNKNOWN));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
        JsonNode problem = unknown.json().path("problems").get(0);
        assertThat(problem.path("file").asText()).isEqualTo("site-visit.yaml");
        assertThat(problem.path("line").asInt()).isEqualTo(7);
        assertThat(problem.path("path").asText()).startsWith("criteria.B1.evidence");
        assertThat(problem.path("message").asText()).contains("证据 " + UNKNOWN + " 不在档案中");
        Http.Answer en = server.put("/api/evaluations/" + id + "/assessment?file=site-visit.yaml&lang=en", "application/yaml", EvidenceSamples.acceptingB1(UNKNOWN));
        assertThat(en.status()).isEqualTo(422);
        assertThat(en.body()).contains("evidence " + UNKNOWN + " is not in the archive");

        Http.Answer ok = put(id, EvidenceSamples.acceptingB1(visit));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        JsonNode claim = ok.json().path("latest").path("verdict").path("assessment").path("claims").get(0);
        assertThat(claim.path("id").asText()).isEqualTo("B1");
        assertThat(claim.path("evidence").get(0).asText()).isEqualTo(visit);
        // the stored evaluation lists, and lets its readers fetch, the file its assessment cites
        JsonNode list = server.get("/api/evidence?evaluation=" + id).json().path("files");
        assertThat(list.findValuesAsText("sha256")).containsExactly(licence, visit);
        assertThat(server.get("/api/evidence/" + visit + "?evaluation=" + id).status()).isEqualTo(200);
    }

    @Test
    void anObjectionsNewEvidenceAndItsCorrectedSubmissionAreCheckedToo() throws IOException {
        String licence = uploaded(PDF, "营业执照.pdf");
        String id = storedCiting(licence);
        Http.Answer evidence = server.post("/api/evaluations/" + id + "/objections", "application/json", objection(UNKNOWN, null));
        assertThat(evidence.status()).as(evidence.body()).isEqualTo(422);
        assertThat(evidence.body()).contains("evidence[1]").contains("证据 " + UNKNOWN + " 不在档案中");
        Http.Answer corrected = server.post("/api/evaluations/" + id + "/objections", "application/json", objection(licence, citing(UNKNOWN)));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(422);
        assertThat(corrected.body()).contains("证据 " + UNKNOWN + " 不在档案中");
        Http.Answer filed = server.post("/api/evaluations/" + id + "/objections", "application/json", objection(licence, citing(licence)));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    }

    @Test
    void anObjectionsEvidenceProblemIsLocatedInTheRequestsLanguage() throws IOException {
        String id = storedCiting(uploaded(PDF, "营业执照.pdf"));
        Http.Answer zh = server.post("/api/evaluations/" + id + "/objections", "application/json", objection(UNKNOWN, null));
        assertThat(zh.status()).as(zh.body()).isEqualTo(422);
        JsonNode zhProblem = zh.json().path("problems").get(0);
        assertThat(zhProblem.path("file").asText()).isEqualTo("异议");
        assertThat(zhProblem.path("path").asText()).isEqualTo("evidence[1]");
        assertThat(zhProblem.path("message").asText()).isEqualTo("证据 " + UNKNOWN + " 不在档案中");
        Http.Answer en = server.send(server.request("/api/evaluations/" + id + "/objections?lang=en")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(objection(UNKNOWN, null))));
        assertThat(en.status()).as(en.body()).isEqualTo(422);
        JsonNode enProblem = en.json().path("problems").get(0);
        assertThat(enProblem.path("file").asText()).isEqualTo("objection");
        assertThat(enProblem.path("message").asText()).isEqualTo("evidence " + UNKNOWN + " is not in the archive");
        Http.Answer accepted = server.send(server.request("/api/evaluations/" + id + "/objections")
                .header("Content-Type", "application/json").header("Accept-Language", "en-GB,en;q=0.9")
                .POST(HttpRequest.BodyPublishers.ofString(objection(UNKNOWN, null))));
        assertThat(accepted.json().path("problems").get(0).path("file").asText()).isEqualTo("objection");
    }

    /**
     * A multipart body sent chunked (no Content-Length) over a raw socket, {@code partBytes} of one PDF
     * part written in 64 KiB chunks; the status line the server answers, read once it answers (it may
     * stop reading the body at the cap).
     */
    private Sent chunkedMultipart(long partBytes) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(server.uri().getHost(), server.uri().getPort())) {
            socket.setSoTimeout(120_000);
            var out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            out.write(("POST /api/evidence HTTP/1.1\r\nHost: " + server.uri().getRawAuthority() + "\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: multipart/form-data; boundary=XyZ-boundary-42\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] head = ("--XyZ-boundary-42\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n").getBytes(StandardCharsets.US_ASCII);
            byte[] tail = "\n%%EOF\r\n--XyZ-boundary-42--\r\n".getBytes(StandardCharsets.US_ASCII);
            try {
                chunk(out, head);
                byte[] filler = new byte[64 * 1024];
                java.util.Arrays.fill(filler, (byte) ' ');
                long left = partBytes - "%PDF-1.4\n".length() - "\n%%EOF".length();
                while (left > 0) {
                    int n = (int) Math.min(filler.length, left);
                    chunk(out, n == filler.length ? filler : java.util.Arrays.copyOf(filler, n));
                    left -= n;
                }
                chunk(out, tail);
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException stoppedReading) {
                // the server answered and closed before the whole body was sent: its answer is still to be read
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                return new Sent(in.readLine(), false);
            }
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return new Sent(in.readLine(), true);
        }
    }

    /** The status line answered, and whether the server read the whole body before it did. */
    private record Sent(String status, boolean whole) {
    }

    private int stored() throws Exception {
        try (Archive a = Archive.open(server.data())) {
            return org.verdant.app.EvidenceFiles.list(a).size();
        }
    }

    private static void chunk(java.io.OutputStream out, byte[] bytes) throws IOException {
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aChunkedMultipartBodyIsCappedInTotalWhileItStreams() throws Exception {
        int before = stored();
        long refusedBefore = refusedUploads();
        // twice the whole body's cap (five files of the largest size) in one part: 413 once the cap is passed, the rest never read
        Sent over = chunkedMultipart(2 * EvidenceApi.MAX_MULTIPART);
        assertThat(over.status()).startsWith("HTTP/1.1 413");
        assertThat(over.whole()).as("the server stopped reading at the cap").isFalse();
        assertThat(stored()).isEqualTo(before);
        // a part just over the file limit, chunked: refused as the file it is
        assertThat(chunkedMultipart(org.verdant.archive.EvidenceStore.MAX_SIZE + 1).status()).startsWith("HTTP/1.1 413");
        assertThat(stored()).isEqualTo(before);
        // just under: a file of the largest size, chunked, is stored
        assertThat(chunkedMultipart(org.verdant.archive.EvidenceStore.MAX_SIZE).status()).startsWith("HTTP/1.1 201");
        assertThat(stored()).isEqualTo(before + 1);
        assertThat(refusedUploads()).as("each refusal is logged").isEqualTo(refusedBefore + 2);
    }

    private long refusedUploads() throws Exception {
        try (Archive a = Archive.open(server.data())) {
            return org.verdant.accounts.Accounts.of(a).accessLog(10_000).stream()
                    .filter(e -> e.what().startsWith("POST /api/evidence") && e.outcome().equals("refused")).count();
        }
    }

    private static String objection(String digest, String corrected) {
        ObjectNode o = Json.NODES.objectNode();
        o.putArray("criteria").add("B1");
        o.put("reason", "补充营业执照扫描件");
        o.putArray("evidence").add("检测报告.pdf").add(digest);
        if (corrected != null) {
            o.put("corrected", corrected);
            o.put("corrected_file", "corrected.yaml");
        }
        return o.toString();
    }

    private Http.Answer put(String id, String body) {
        return server.put("/api/evaluations/" + id + "/assessment?file=site-visit.yaml", "application/yaml", body);
    }
}
