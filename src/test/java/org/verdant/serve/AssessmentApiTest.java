package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.verdant.archive.Stored;

import java.net.http.HttpRequest;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** PUT and GET /api/evaluations/{id}/assessment: validated, re-evaluated, append-only, chained. */
class AssessmentApiTest {
    static final String TOKEN = "assessment-token-0123456789";
    @RegisterExtension
    static final ApiServer server = ApiServer.requiringToken("verdant-assessment-api", TOKEN);

    static final String REJECT_INF05 = """
            format: verdant.assessment/1
            evaluator: {organisation: 江苏省节能技术服务中心, lead: 陈思远}
            date: 2024-06-18
            criteria:
              INF-05: {accepted: false, note: 现场核查雨水收集回用系统已停用}
            """;
    static final String ACCEPT_INF05 = "{\"format\": \"verdant.assessment/1\", \"evaluator\": {\"organisation\": \"江苏省节能技术服务中心\"},"
            + " \"date\": \"2024-06-20\", \"criteria\": {\"INF-05\": {\"accepted\": true}}}";

    private static Http.Answer put(Http h, String id, String body, String contentType) {
        return h.send(server.request("/api/evaluations/" + id + "/assessment?file=site-visit.yaml")
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void assessReEvaluatesAndKeepsEveryRevision() {
        String code = Stored.creditCode(81);
        Http.Answer stored = server.post("/api/evaluations", "application/yaml", Stored.factory(2023, code, List.of()));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        String id = stored.header("X-Verdant-Record");

        Http.Answer none = server.get("/api/evaluations/" + id + "/assessment");
        assertThat(none.status()).as(none.body()).isEqualTo(200);
        assertThat(none.json().path("latest").isNull()).isTrue();
        assertThat(none.json().path("history")).isEmpty();
        double original = none.json().path("original").path("score").asDouble();
        assertThat(original).isEqualTo(100.0);

        assertThat(put(server.anonymous(), id, REJECT_INF05, "application/yaml").status()).isEqualTo(401);

        Http.Answer invalid = put(server.http(), id, REJECT_INF05.replace("INF-05", "ZZ-1"), "application/yaml");
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(422);
        JsonNode problem = invalid.json().path("problems").get(0);
        assertThat(problem.path("file").asText()).isEqualTo("site-visit.yaml");
        assertThat(problem.path("line").asInt()).isEqualTo(5);
        assertThat(problem.path("message").asText()).contains("ZZ-1");
        Http.Answer english = server.put("/api/evaluations/" + id + "/assessment?lang=en", "application/yaml", REJECT_INF05.replace("INF-05", "ZZ-1"));
        assertThat(english.status()).isEqualTo(422);
        assertThat(english.json().path("message").asText()).startsWith("invalid");
        assertThat(english.json().path("problems").get(0).path("message").asText()).contains("ZZ-1").doesNotContainPattern("\\p{IsHan}");
        assertThat(server.get("/api/evaluations/" + id + "/assessment").json().path("history")).as("a refused document is not kept").isEmpty();

        Http.Answer rejected = put(server.http(), id, REJECT_INF05, "application/yaml");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(201);
        JsonNode first = rejected.json().path("latest");
        assertThat(first.path("revision").asLong()).isEqualTo(1);
        assertThat(first.path("actor").asText()).isEqualTo("local");
        assertThat(first.path("score").asDouble()).isLessThan(original);
        JsonNode inf05 = finding(first.path("verdict"), "INF-05");
        assertThat(inf05.path("status").asText()).isEqualTo("not_met");
        assertThat(inf05.path("reason").asText()).contains("评价方未认可", "现场核查雨水收集回用系统已停用");
        assertThat(first.path("verdict").path("assessment").path("file").asText()).isEqualTo("site-visit.yaml");
        String firstDigest = first.path("sha256").asText();

        // a second assessment is a new revision; the first stays as it was
        Http.Answer accepted = put(server.http(), id, ACCEPT_INF05, "application/json");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        JsonNode now = server.get("/api/evaluations/" + id + "/assessment").json();
        assertThat(now.path("latest").path("revision").asLong()).isEqualTo(2);
        assertThat(now.path("latest").path("score").asDouble()).isEqualTo(original);
        assertThat(now.path("history")).hasSize(2);
        assertThat(now.path("history").get(0).path("sha256").asText()).isEqualTo(firstDigest);
        assertThat(now.path("history").get(0).path("score").asDouble()).isLessThan(original);
        assertThat(now.path("original").path("score").asDouble()).as("the stored verdict is untouched").isEqualTo(original);

        Http.Answer verify = server.post("/api/archive/verify", "application/json", "");
        assertThat(verify.status()).as(verify.body()).isEqualTo(200);
        assertThat(verify.json().path("intact").asBoolean()).as(verify.body()).isTrue();

        Http.Answer log = server.get("/api/access-log");
        assertThat(log.body()).contains("ASSESS");

        assertThat(server.get("/api/evaluations/999/assessment").status()).isEqualTo(404);
        assertThat(put(server.http(), "999", REJECT_INF05, "application/yaml").status()).isEqualTo(404);
    }

    private static JsonNode finding(JsonNode verdict, String id) {
        for (JsonNode c : verdict.path("criteria")) if (c.path("id").asText().equals(id)) return c;
        throw new AssertionError("no finding " + id);
    }
}
