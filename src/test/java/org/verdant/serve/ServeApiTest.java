package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.verdant.archive.Archive;
import org.verdant.cli.VerdantCli;
import org.verdant.evaluation.Evaluator;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.support.TestRulebook;
import org.verdant.verdict.Verdict;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP API with a plain client: every endpoint's answer, the error shapes (401, 404, 413,
 * 415, 422, 409, 500), and that what the API stores and returns is what the CLI prints for the
 * same file.
 */
@Timeout(300)
class ServeApiTest {
    static final String TOKEN = "test-token-0123456789abcdef";
    static final String YAML = "application/yaml";
    static final Path CEMENT = Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml");

    @RegisterExtension
    static final ApiServer server = ApiServer.requiringToken("verdant-serve-test", TOKEN);

    // ---- helpers ----------------------------------------------------------------------------

    record Run(int code, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Arrays.stream(args), Stream.of("--rules", "rules", "--scorecards", "scorecards")).toArray(String[]::new);
        int code = VerdantCli.run(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(code, out.toString(), err.toString());
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Http.Answer store(Path file) {
        return server.post("/api/evaluations?file=" + file.getFileName(), YAML, bytes(file));
    }

    static long id(Http.Answer stored) {
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        return Long.parseLong(stored.header("X-Verdant-Record"));
    }

    static void delete(Path dir) throws IOException {
        ApiServer.delete(dir);
    }

    static void assertError(Http.Answer a, int status, String error) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.header("Content-Type")).startsWith("application/json");
        JsonNode e = a.json();
        assertThat(e.path("error").asText()).isEqualTo(error);
        assertThat(e.path("message").asText()).isNotBlank();
    }

    // ---- reference data ------------------------------------------------------------------------

    @Test
    void schemesListEditionsDatesGradingsAndTemplates() {
        Http.Answer a = server.anonymous().get("/api/schemes");
        assertThat(a.status()).isEqualTo(200);
        JsonNode s = a.json();
        assertThat(s.path("format").asText()).isEqualTo("verdant.schemes/1");
        assertThat(s.path("rulebook").path("digest").asText()).isEqualTo(TestRulebook.compiled().rulebook().digest());
        assertThat(s.path("service").path("token_required_for_writes").asBoolean()).isTrue();
        assertThat(s.path("schemes").findValuesAsText("scheme"))
                .containsExactlyInAnyOrder("green-factory", "green-park", "zero-carbon-park", "green-supply-chain");
        JsonNode factory = s.path("schemes").findParents("scheme").stream().filter(x -> x.path("scheme").asText().equals("green-factory"))
                .findFirst().orElseThrow();
        assertThat(factory.path("editions").findValuesAsText("edition")).containsExactly("GB/T 36132-2018", "GB/T 36132-2025");
        assertThat(factory.path("editions").get(0).path("applies_until").asText()).isEqualTo("2025-12-31");
        assertThat(factory.path("editions").get(0).path("gradings").toString()).contains("hebei-db13t6005-2024");
        assertThat(factory.path("templates").findValuesAsText("name")).containsExactly("green-factory-2018", "green-factory-2025");
        assertThat(s.path("eligibility_rules").get(0).path("added_to").toString()).contains("green-factory");
        JsonNode hebei = s.path("gradings").findParents("id").stream().filter(g -> g.path("id").asText().equals("hebei-db13t6005-2024"))
                .findFirst().orElseThrow();
        assertThat(hebei.path("bands").size()).isEqualTo(3);
    }

    @Test
    void messagesInChineseAndEnglish() {
        JsonNode zh = server.get("/api/messages").json();
        JsonNode en = server.get("/api/messages?lang=en").json();
        assertThat(zh.path("messages").path("web.score").asText()).isEqualTo("得分");
        assertThat(en.path("messages").path("web.score").asText()).isEqualTo("Score");
        assertThat(en.path("messages").path("status.not_met").asText()).isNotBlank();
        assertThat(en.path("messages").has("doc.chart.radar")).as("only the page's words").isFalse();
        // every web.* key has both languages
        List<String> zhKeys = new ArrayList<>();
        zh.path("messages").fieldNames().forEachRemaining(zhKeys::add);
        List<String> enKeys = new ArrayList<>();
        en.path("messages").fieldNames().forEachRemaining(enKeys::add);
        assertThat(zhKeys).containsExactlyElementsOf(enKeys);
        assertError(server.get("/api/messages?lang=fr"), 400, "bad_request");
    }

    @Test
    void everyTemplateIsAValidSubmissionOfItsSchemeAndEdition() throws Exception {
        Evaluator evaluator = new Evaluator(TestRulebook.compiled());
        for (Templates.Template t : Templates.all()) {
            Http.Answer a = server.get("/api/templates/" + t.name());
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.header("Content-Disposition")).contains(t.name() + ".yaml");
            assertThat(a.body()).startsWith("# Verdant 申报模板 / submission template");
            Verdict v = evaluator.evaluate(t.fileName(), a.body().getBytes(StandardCharsets.UTF_8), Evaluator.Options.defaults());
            assertThat(v.scorecard().scheme()).as(t.name()).isEqualTo(t.scheme());
            assertThat(v.scorecard().edition()).as(t.name()).isEqualTo(t.edition());
        }
        assertThat(server.get("/api/templates/green-factory-2018.yaml").status()).isEqualTo(200);
        assertError(server.get("/api/templates/no-such-scheme"), 404, "not_found");
    }

    // ---- evaluate and store ------------------------------------------------------------------

    @Test
    void aStoredEvaluationIsTheCliVerdictByteForByte() {
        Run cli = cli("evaluate", CEMENT.toString(), "--format", "json");
        assertThat(cli.code()).as(cli.err()).isZero();
        Http.Answer stored = store(CEMENT);
        long id = id(stored);
        assertThat(stored.header("Location")).isEqualTo("/api/evaluations/" + id);
        assertThat(stored.header("Content-Type")).startsWith("application/json");
        assertThat(stored.body()).isEqualTo(cli.out());

        Http.Answer record = server.anonymous().get("/api/evaluations/" + id);
        assertThat(record.status()).isEqualTo(200);
        JsonNode r = record.json();
        assertThat(r.path("format").asText()).isEqualTo("verdant.archive-record/1");
        assertThat(r.path("id").asLong()).isEqualTo(id);
        assertThat(r.path("input_file").asText()).isEqualTo("cement-jiangsu-high-scorer.yaml");
        assertThat(r.path("score").decimalValue()).isEqualByComparingTo("98.33");
        assertThat(r.path("verdict")).isEqualTo(new Http.Answer(200, cli.out(), null).json());

        // the same facility and year again: a re-evaluation, chained to the previous record
        Http.Answer again = store(CEMENT);
        assertThat(again.header("X-Verdant-Previous-Record")).isNotNull();
    }

    @Test
    void optionsInTheQueryOrInAJsonEnvelope() throws IOException {
        Path food = Path.of("fixtures/green-factory/gbt36132-2018/food-hebei-star-rated.yaml");
        Run cli = cli("evaluate", food.toString(), "--format", "json", "--lang", "en", "--grading", "hebei-db13t6005-2024");
        Http.Answer byQuery = server.post("/api/evaluations?lang=en&grading=hebei-db13t6005-2024&file=food-hebei-star-rated.yaml", "text/yaml", bytes(food));
        assertThat(byQuery.body()).isEqualTo(cli.out());
        assertThat(byQuery.json().path("grade").asText()).isNotBlank();

        ObjectNode envelope = Http.JSON.createObjectNode();
        envelope.put("submission", Files.readString(food, StandardCharsets.UTF_8));
        envelope.put("file", "some/dir/food-hebei-star-rated.yaml");
        envelope.put("lang", "en");
        envelope.put("grading", "hebei-db13t6005-2024");
        Http.Answer byEnvelope = server.post("/api/evaluations", "application/json", envelope.toString());
        assertThat(byEnvelope.status()).as(byEnvelope.body()).isEqualTo(201);
        assertThat(byEnvelope.body()).as("the file name is a label cut to its last segment").isEqualTo(cli.out());

        envelope.put("colour", "green");
        assertError(server.post("/api/evaluations", "application/json", envelope.toString()), 400, "bad_request");
        assertError(server.post("/api/evaluate?grading=no-such-table", YAML, bytes(CEMENT)), 400, "bad_request");
    }

    @Test
    void aSubmissionWrittenAsJsonIsEvaluatedLikeItsYaml() throws IOException {
        JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(bytes(CEMENT));
        Http.Answer a = server.post("/api/evaluate?format=verdict", "application/json", Http.JSON.writeValueAsString(tree));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().path("score").decimalValue()).isEqualByComparingTo("98.33");
        assertThat(a.json().path("input").path("file").asText()).isEqualTo("submission.json");
    }

    /** Every error's message in Chinese by default, in English for ?lang=en or an Accept-Language preferring English. */
    @Test
    void errorMessagesFollowTheLangParameterOrAcceptLanguage() {
        Http.Answer zh = server.get("/api/evaluations/abc");
        assertError(zh, 404, "not_found");
        assertThat(zh.json().path("message").asText()).isEqualTo("没有记录 'abc'（记录编号为 1、2、3……）");
        assertThat(server.get("/api/evaluations/abc?lang=en").json().path("message").asText()).isEqualTo("no record 'abc' (ids are 1, 2, 3, …)");
        Http.Answer en = server.send(server.request("/api/evaluations/abc")
                .header("Accept-Language", "en-US,en;q=0.9,zh;q=0.5").GET());
        assertThat(en.json().path("message").asText()).isEqualTo("no record 'abc' (ids are 1, 2, 3, …)");
        Http.Answer chineseFirst = server.send(server.request("/api/evaluations/abc")
                .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").GET());
        assertThat(chineseFirst.json().path("message").asText()).startsWith("没有记录");
        // the parameter wins over the header
        Http.Answer both = server.send(server.request("/api/evaluations/abc?lang=zh")
                .header("Accept-Language", "en").GET());
        assertThat(both.json().path("message").asText()).startsWith("没有记录");

        assertThat(server.get("/api/no-such").json().path("message").asText()).isEqualTo("没有这个接口：GET /api/no-such");
        assertThat(server.anonymous().post("/api/evaluations", YAML, bytes(CEMENT)).json().path("message").asText())
                .startsWith("本服务器的写操作需要 API 令牌");
        assertThat(server.post("/api/evaluations", "text/csv", "x").json().path("message").asText()).startsWith("不接受 Content-Type text/csv");
        assertThat(server.get("/api/cohort").json().path("message").asText()).isEqualTo("year：需要报告年度，例如 ?year=2023");

        // a 422 keeps its located problems, whatever the language of its message
        byte[] bad = bytes(Path.of("fixtures/green-factory/gbt36132-2018/invalid/unknown-key.yaml"));
        JsonNode zh422 = server.post("/api/evaluate?file=unknown-key.yaml", YAML, bad).json();
        assertThat(zh422.path("message").asText()).isEqualTo("申报材料无效（1 个问题），未评分");
        JsonNode en422 = server.send(server.request("/api/evaluate?file=unknown-key.yaml")
                .header("Content-Type", YAML).header("Accept-Language", "en").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bad))).json();
        assertThat(en422.path("message").asText()).isEqualTo("invalid submission (1 problem(s)); nothing was scored");
        // the same problems at the same places, each message in the answer's language
        assertThat(en422.path("problems")).hasSameSizeAs(zh422.path("problems"));
        for (int i = 0; i < zh422.path("problems").size(); i++) {
            JsonNode z = zh422.path("problems").get(i), e = en422.path("problems").get(i);
            for (String field : List.of("file", "line", "column", "path")) assertThat(e.path(field)).isEqualTo(z.path(field));
        }
        assertThat(zh422.path("problems").get(0).path("message").asText()).isEqualTo("未知的键；是否应为 'land_area'？");
        assertThat(en422.path("problems").get(0).path("message").asText()).isEqualTo("unknown key; did you mean 'land_area'?");
        assertThat(zh422.path("problems").get(0).path("line").asInt()).isEqualTo(13);
    }

    @Test
    void invalidSubmissionsAnswer422WithTheCliLocations() throws IOException {
        List<Path> invalid;
        try (Stream<Path> s = Files.walk(Path.of("fixtures"))) {
            invalid = s.filter(p -> p.toString().endsWith(".yaml") && p.getParent().getFileName().toString().equals("invalid")).sorted().toList();
        }
        assertThat(invalid).hasSizeGreaterThan(20);
        for (Path f : invalid) {
            Run cli = cli("evaluate", f.toString());
            assertThat(cli.code()).as(f.toString()).isEqualTo(3);
            List<String> cliProblems = cli.err().lines().filter(l -> !l.contains("：申报材料无效（")).toList();

            Http.Answer a = server.post("/api/evaluations?file=" + f.getFileName(), YAML, bytes(f));
            assertError(a, 422, "invalid_submission");
            List<String> apiProblems = new ArrayList<>();
            for (JsonNode p : a.json().path("problems")) {
                String where = f.getParent() + "/" + p.path("file").asText()
                        + (p.path("line").isNull() ? "" : ":" + p.path("line").asInt() + ":" + p.path("column").asInt());
                apiProblems.add(where + ": " + (p.path("path").asText().isEmpty() ? "" : p.path("path").asText() + ": ") + p.path("message").asText());
            }
            assertThat(apiProblems).as(f.toString()).containsExactlyElementsOf(cliProblems);
        }
        JsonNode unknownKey = server.post("/api/evaluate?file=unknown-key.yaml", YAML, bytes(Path.of("fixtures/green-factory/gbt36132-2018/invalid/unknown-key.yaml")))
                .json().path("problems").get(0);
        assertThat(unknownKey.path("line").asInt()).isEqualTo(13);
        assertThat(unknownKey.path("column").asInt()).isEqualTo(3);
        assertThat(unknownKey.path("path").asText()).isEqualTo("site.land_aera");
    }

    // ---- preview, report, trace ------------------------------------------------------------------

    @Test
    void previewGivesTheVerdictThePlanAndTheReportsRadarWithoutStoring() {
        int before = server.get("/api/evaluations").json().path("records").size();
        Http.Answer a = server.post("/api/evaluate?file=cement-jiangsu-high-scorer.yaml", YAML, bytes(CEMENT));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode p = a.json();
        assertThat(p.path("format").asText()).isEqualTo("verdant.preview/1");
        assertThat(p.path("verdict")).isEqualTo(new Http.Answer(200, cli("evaluate", CEMENT.toString(), "--format", "json").out(), null).json());
        assertThat(p.path("plan").path("format").asText()).isEqualTo("verdant.plan/1");
        assertThat(p.path("radar_svg").asText()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"radar\"").endsWith("</svg>");
        assertThat(server.get("/api/evaluations").json().path("records").size()).as("nothing stored").isEqualTo(before);

        Http.Answer verdictOnly = server.post("/api/evaluate?format=verdict&trace=true&file=cement-jiangsu-high-scorer.yaml", YAML, bytes(CEMENT));
        assertThat(verdictOnly.body()).isEqualTo(cli("evaluate", CEMENT.toString(), "--format", "json", "--trace").out());

        JsonNode park = server.post("/api/evaluate?file=z.yaml", YAML, bytes(Path.of("fixtures/zero-carbon-park/ndrc-2025-910/ordos-mengsu-500k-at-threshold.yaml"))).json();
        assertThat(park.path("verdict").path("score").isNull()).isTrue();
        assertThat(park.path("radar_svg").isNull()).as("no categories to chart").isTrue();
    }

    @Test
    void reportsAndTracesOfStoredAndUnstoredSubmissions() {
        long id = id(store(CEMENT));
        Http.Answer report = server.get("/api/evaluations/" + id + "/report");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.header("Content-Type")).startsWith("text/html");
        assertThat(report.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(report.body()).startsWith("<!DOCTYPE html>").contains("镇江华岳水泥有限公司").contains("class=\"radar\"");
        assertThat(server.get("/api/evaluations/" + id + "/report?lang=en").body()).contains("<html lang=\"en\"");
        assertThat(server.get("/api/evaluations/" + id + "/report?format=md").body()).contains("| ");

        Http.Answer unstored = server.post("/api/report?file=cement-jiangsu-high-scorer.yaml", YAML, bytes(CEMENT));
        assertThat(unstored.body()).isEqualTo(report.body());

        Http.Answer trace = server.get("/api/evaluations/" + id + "/trace");
        assertThat(trace.body()).isEqualTo(cli("evaluate", CEMENT.toString(), "--format", "json", "--trace").out());
    }

    // ---- reading the archive -------------------------------------------------------------------------

    @Test
    void listHistoryDiffCohortAndVerify() {
        Path gap = Path.of("fixtures/green-factory/gbt36132-2018/electronics-guangdong-mandatory-gap.yaml");
        long a = id(store(CEMENT));
        long b = id(store(gap));
        String code = "91321183788362137D";

        JsonNode list = server.get("/api/evaluations?year=2023&scheme=green-factory").json();
        assertThat(list.path("format").asText()).isEqualTo("verdant.archive-list/1");
        assertThat(list.path("records").findValuesAsText("id")).contains(String.valueOf(a), String.valueOf(b));
        JsonNode byCode = server.get("/api/evaluations?credit_code=" + code).json();
        assertThat(byCode.path("records").findValuesAsText("credit_code")).containsOnly(code);
        assertThat(server.get("/api/evaluations?scheme=green-park").json().path("records").size()).isZero();
        assertError(server.get("/api/evaluations?year=twenty"), 400, "bad_request");

        JsonNode history = server.get("/api/facilities/" + code + "/history").json();
        assertThat(history.path("records").findValuesAsText("credit_code")).containsOnly(code).isNotEmpty();
        assertThat(server.get("/api/facilities/91000000000000000X/history").json().path("records").size()).isZero();

        JsonNode diff = server.get("/api/diff?a=" + a + "&b=" + b + "&lang=en").json();
        assertThat(diff.path("format").asText()).isEqualTo("verdant.diff/1");
        assertThat(diff.path("a").path("label").asText()).isEqualTo("record " + a);
        assertThat(diff.path("b").path("label").asText()).isEqualTo("record " + b);
        assertThat(diff.path("items").size()).isPositive();
        assertThat(diff.path("inputs").size()).as("the stored submissions are compared too").isPositive();
        assertError(server.get("/api/diff?a=" + a), 400, "bad_request");
        assertError(server.get("/api/diff?a=" + a + "&b=999999"), 404, "not_found");

        JsonNode cohort = server.get("/api/cohort?year=2023&scheme=green-factory").json();
        assertThat(cohort.path("format").asText()).isEqualTo("verdant.cohort/1");
        assertThat(cohort.path("ranked").asInt()).isPositive();
        assertThat(server.get("/api/cohort?year=2023&format=csv").body()).startsWith("\uFEFFstatus,rank,grade");
        assertError(server.get("/api/cohort"), 400, "bad_request");

        Http.Answer verify = server.post("/api/evaluations/" + a + "/verify", null, new byte[0]);
        assertThat(verify.status()).as(verify.body()).isEqualTo(200);
        assertThat(verify.json().path("format").asText()).isEqualTo("verdant.archive-verify/1");
        assertThat(verify.json().path("identical").asBoolean()).isTrue();
    }

    @Test
    void concurrentRequestsShareTheRulebookAndGetTheSameVerdict() throws Exception {
        String expected = cli("evaluate", CEMENT.toString(), "--format", "json").out();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Http.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> server.post("/api/evaluate?format=verdict&file=cement-jiangsu-high-scorer.yaml", YAML, bytes(CEMENT))));
            }
            for (var f : answers) {
                Http.Answer a = f.get(120, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(a.status()).as(a.body()).isEqualTo(200);
                assertThat(a.body()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- refusals ---------------------------------------------------------------------------------

    @Test
    void writesNeedTheTokenReadsDoNot() {
        Http anonymous = server.anonymous();
        for (String path : List.of("/api/evaluations", "/api/evaluate", "/api/report", "/api/evaluations/1/verify")) {
            Http.Answer a = anonymous.post(path, YAML, bytes(CEMENT));
            assertError(a, 401, "unauthorized");
            assertThat(a.header("WWW-Authenticate")).startsWith("Bearer");
            assertError(server.withToken("not-the-token-at-all").post(path, YAML, bytes(CEMENT)), 401, "unauthorized");
        }
        assertThat(anonymous.get("/api/evaluations").status()).isEqualTo(200);
        assertThat(anonymous.get("/").status()).isEqualTo(200);
    }

    @Test
    void bodiesOverTheReadersLimitAnswer413() {
        byte[] tooBig = new byte[SubmissionRequest.MAX_BYTES + 1];
        Arrays.fill(tooBig, (byte) '#');
        assertError(server.post("/api/evaluations", YAML, tooBig), 413, "too_large");
        // without a Content-Length (chunked), the body is read up to the limit and refused all the same
        HttpRequest.Builder chunked = server.request("/api/evaluate").header("Content-Type", YAML)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(tooBig)));
        assertError(server.send(chunked), 413, "too_large");
        // exactly at the limit the reader has its say (a comment only: invalid, not too large)
        byte[] atLimit = Arrays.copyOf(tooBig, SubmissionRequest.MAX_BYTES);
        assertError(server.post("/api/evaluate", YAML, atLimit), 422, "invalid_submission");
    }

    @Test
    void onlySubmissionMediaTypesAnswerOtherwise415() {
        assertError(server.post("/api/evaluations", "application/xml", bytes(CEMENT)), 415, "unsupported_media_type");
        assertError(server.post("/api/evaluations", "application/x-www-form-urlencoded", bytes(CEMENT)), 415, "unsupported_media_type");
        assertError(server.post("/api/evaluations", null, bytes(CEMENT)), 415, "unsupported_media_type");
        assertError(server.post("/api/evaluate", "text/yaml; charset=gbk", bytes(CEMENT)), 415, "unsupported_media_type");
        // text/plain is what a page on any site may send without asking: never a submission (issue 16)
        assertError(server.post("/api/evaluate", "text/plain; charset=utf-8", bytes(CEMENT)), 415, "unsupported_media_type");
        for (String type : List.of("application/yaml", "text/yaml", "application/x-yaml", "application/json")) {
            assertThat(server.post("/api/evaluate?plan=false", type, bytes(CEMENT)).status()).as(type).isEqualTo(200);
        }
    }

    @Test
    void unknownRecordsAndEndpointsAnswer404() {
        assertError(server.get("/api/evaluations/987654"), 404, "not_found");
        assertError(server.get("/api/evaluations/987654/report"), 404, "not_found");
        assertError(server.get("/api/evaluations/987654/trace"), 404, "not_found");
        assertError(server.post("/api/evaluations/987654/verify", null, new byte[0]), 404, "not_found");
        assertError(server.get("/api/evaluations/..%2F..%2Fetc%2Fpasswd"), 404, "not_found");
        assertError(server.get("/api/evaluations/-1"), 404, "not_found");
        assertError(server.get("/api/templates/..%2F..%2Fpom.xml"), 404, "not_found");
        assertError(server.get("/api/no-such-thing"), 404, "not_found");
        assertError(server.get("/etc/passwd"), 404, "not_found");
        assertError(server.send(server.request("/api/evaluations/1").DELETE()), 405, "method_not_allowed");
    }

    @Test
    void thePageAndItsAssetsAreServedWithAStrictPolicy() {
        Http.Answer page = server.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'").contains("script-src 'self'");
        assertThat(page.body()).contains("<script src=\"/app.js\"").doesNotContain("http://").doesNotContain("https://");
        assertThat(server.get("/favicon.svg").status()).isEqualTo(200);
        for (String asset : List.of("/app.js", "/app.css")) {
            Http.Answer a = server.get(asset);
            assertThat(a.status()).as(asset).isEqualTo(200);
            assertThat(a.body()).as(asset + " loads nothing from the network").doesNotContain("https://").doesNotContain("http://");
        }
    }

    // ---- other rulebooks ---------------------------------------------------------------------------

    @Test
    void aRecordTheServersRulebookNoLongerReproducesIs409ForItsReportAndDiffersOnVerify() throws Exception {
        long id = id(store(CEMENT));
        Path tmp = Files.createTempDirectory("verdant-serve-rulebook");
        try {
            Path scorecards = TestRulebook.copyScorecards(tmp);
            Path card = scorecards.resolve("green-factory/gbt36132-2018.yaml");
            String text = Files.readString(card, StandardCharsets.UTF_8);
            String changed = text.replaceFirst("(?<head>id: INF-05\\n(?:.*\\n){3} *points: \\{value: )10,", "${head}5,")
                    .replaceFirst("(?<head>id: INF-06\\n(?:.*\\n){3} *points: \\{value: )5,", "${head}10,");
            assertThat(changed).isNotEqualTo(text);
            Files.writeString(card, changed, StandardCharsets.UTF_8);
            CompiledRulebook other = new CompiledRulebook(RulebookLoader.load(Path.of("rules"), scorecards));
            try (VerdantServer second = VerdantServer.start(new VerdantServer.Config("127.0.0.1", 0, other, Archive.open(server.data()), null), null)) {
                Http h = new Http(second.uri(), null);
                Http.Answer report = h.get("/api/evaluations/" + id + "/report");
                assertError(report, 409, "not_reproduced");
                assertThat(report.json().path("details").toString()).contains("criterion INF-05 max");
                assertError(h.get("/api/evaluations/" + id + "/trace"), 409, "not_reproduced");
                JsonNode verify = h.post("/api/evaluations/" + id + "/verify", null, new byte[0]).json();
                assertThat(verify.path("identical").asBoolean()).isFalse();
                assertThat(verify.path("differences").findValuesAsText("what")).contains("criterion INF-05 max", "criterion INF-06 max");
                // the record itself is still served as stored
                assertThat(h.get("/api/evaluations/" + id).status()).isEqualTo(200);
            }
        } finally {
            delete(tmp);
        }
    }

    @Test
    void aRulebookThatDoesNotCompileAnswers500WithItsProblems() throws Exception {
        Path tmp = Files.createTempDirectory("verdant-serve-broken");
        try {
            Path rules = tmp.resolve("rules");
            try (Stream<Path> walk = Files.walk(Path.of("rules"))) {
                for (Path p : walk.toList()) {
                    Path target = rules.resolve(Path.of("rules").relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(target); else Files.copy(p, target);
                }
            }
            Path drl = rules.resolve("common/claims.drl");
            Files.writeString(drl, Files.readString(drl, StandardCharsets.UTF_8) + "\nrule \"broken\" when then end end\n");
            CompiledRulebook broken = new CompiledRulebook(RulebookLoader.load(rules, Path.of("scorecards")));
            try (VerdantServer s = VerdantServer.start(new VerdantServer.Config("127.0.0.1", 0, broken, Archive.open(tmp.resolve("data")), null), null)) {
                Http.Answer a = new Http(s.uri(), null).post("/api/evaluations", YAML, bytes(CEMENT));
                assertError(a, 500, "invalid_rulebook");
                assertThat(a.json().path("problems").get(0).path("file").asText()).endsWith("claims.drl");
                assertThat(a.json().path("problems").get(0).path("line").asInt()).isPositive();
                assertThat(new Http(s.uri(), null).get("/api/evaluations").json().path("records").size()).as("nothing stored").isZero();
            }
        } finally {
            delete(tmp);
        }
    }
}
