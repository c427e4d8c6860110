package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.verdant.archive.Archive;
import org.verdant.archive.Stored;
import org.verdant.support.TestRulebook;
import org.verdant.text.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dispute routes: objection, dispute, ruling, report, and the facility's history. */
class DisputeApiTest {
    static final String TOKEN = "dispute-token-0123456789";
    @RegisterExtension
    static final ApiServer server = ApiServer.requiringToken("verdant-dispute-api", TOKEN);

    private static String objection(List<String> criteria, String reason, String corrected) {
        ObjectNode o = Json.NODES.objectNode();
        var c = o.putArray("criteria");
        criteria.forEach(c::add);
        o.put("reason", reason);
        o.putArray("evidence").add("检测报告.pdf");
        if (corrected != null) {
            o.put("corrected", corrected);
            o.put("corrected_file", "../../corrected.yaml");
        }
        return o.toString();
    }

    @Test
    void fileShowRuleReportAndHistory() {
        String code = Stored.creditCode(61);
        Http.Answer stored = server.post("/api/evaluations", "application/yaml", Stored.factory(2023, code, List.of("INF-05")));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        String id = stored.header("X-Verdant-Record");

        assertThat(server.anonymous().post("/api/evaluations/" + id + "/objections", "application/json",
                objection(List.of("INF-05"), "理由", null)).status()).isEqualTo(401);
        Http.Answer unknown = server.post("/api/evaluations/" + id + "/objections", "application/json", objection(List.of("ZZ-1"), "理由", null));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("message").asText()).contains("ZZ-1");
        Http.Answer invalid = server.post("/api/evaluations/" + id + "/objections", "application/json",
                objection(List.of("INF-05"), "理由", "format: verdant.submission/1\nscheme: green-factory\n"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().path("problems").get(0).path("file").asText()).isEqualTo("corrected.yaml");

        Http.Answer filed = server.post("/api/evaluations/" + id + "/objections", "application/json",
                objection(List.of("INF-05"), "证书已补齐", Stored.factory(2023, code, List.of())));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        JsonNode d = filed.json();
        assertThat(d.path("format").asText()).isEqualTo("verdant.dispute/1");
        assertThat(d.path("status").asText()).isEqualTo("open");
        assertThat(d.path("reevaluations").get(0).path("diff").path("items").findValuesAsText("id")).contains("INF-05");
        String n = d.path("id").asText();
        assertThat(filed.header("Location")).isEqualTo("/api/disputes/" + n);
        assertThat(server.get("/api/disputes/" + n).json().path("objection").path("criteria").get(0).asText()).isEqualTo("INF-05");
        assertThat(server.get("/api/disputes/999").status()).isEqualTo(404);
        assertThat(server.get("/api/disputes/x").status()).isEqualTo(404);

        assertThat(server.post("/api/disputes/" + n + "/ruling", "application/json", "{\"ruling\": \"maybe\", \"reason\": \"x\"}").status()).isEqualTo(400);
        Http.Answer ruled = server.post("/api/disputes/" + n + "/ruling", "application/json", "{\"ruling\": \"upheld\", \"reason\": \"证据充分\"}");
        assertThat(ruled.status()).as(ruled.body()).isEqualTo(201);
        assertThat(ruled.json().path("ruling").path("ruling").asText()).isEqualTo("upheld");
        assertThat(server.post("/api/disputes/" + n + "/ruling", "application/json", "{\"ruling\": \"rejected\", \"reason\": \"改判\"}").status()).isEqualTo(400);

        Http.Answer report = server.get("/api/disputes/" + n + "/report");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.header("Content-Type")).startsWith("text/html");
        assertThat(report.body()).contains("<h2>原评价</h2>", "<h2>裁定</h2>", "异议成立");
        assertThat(server.get("/api/disputes/" + n + "/report?format=md&lang=en").body()).contains("## Ruling", "objection upheld");

        JsonNode history = server.get("/api/facilities/" + code + "/history").json();
        assertThat(history.path("records")).hasSize(1);
        assertThat(history.path("disputes").get(0).path("status").asText()).isEqualTo("upheld");
        assertThat(server.get("/regulator.html").body()).contains("regulator.js");
    }

    /** A wrong role, as the accounts of the access issue will supply it: the FORBIDDEN fault, answered 403 in both languages. */
    @Test
    void aWrongRoleIsForbidden() throws Exception {
        String code = Stored.creditCode(62);
        Http.Answer stored = server.post("/api/evaluations", "application/yaml", Stored.factory(2023, code, List.of("INF-05")));
        long id = Long.parseLong(stored.header("X-Verdant-Record"));
        var disputes = new org.verdant.app.Disputes(new org.verdant.app.Application(TestRulebook.compiled()), Archive.open(server.data()));
        var stranger = new org.verdant.access.Actor("someone-else", java.util.EnumSet.of(org.verdant.access.Role.ENTERPRISE), java.util.Set.of(Stored.creditCode(63)));
        var objection = new org.verdant.dispute.Objection(List.of("INF-05"), "理由", List.of(), null, null);
        ApiException e = null;
        try {
            disputes.file(stranger, id, objection);
        } catch (org.verdant.fault.Fault f) {
            e = ServeFaults.answer(f, null, null);
        }
        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.message().zh()).contains("无权提出异议");
        assertThat(e.message().en()).contains("may not file an objection");
        var filed = disputes.file(org.verdant.access.Actor.localOperator(), id, objection);
        var owner = new org.verdant.access.Actor("owner", java.util.EnumSet.of(org.verdant.access.Role.ENTERPRISE), java.util.Set.of(code));
        try {
            disputes.rule(owner, filed.id(), org.verdant.dispute.Ruling.UPHELD, "自行裁定");
            throw new AssertionError("an enterprise ruled");
        } catch (org.verdant.fault.Fault f) {
            assertThat(ServeFaults.answer(f, null, null).status()).isEqualTo(403);
        }
    }
}
