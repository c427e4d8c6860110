package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.verdant.access.Role;
import org.verdant.accounts.Drafts;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.serve.ServeApiTest.assertError;

/**
 * Server-side drafts (GET/PUT/DELETE /api/drafts/{name}, GET /api/drafts): working copies of a
 * signed-in person, mutable, seen by nobody else, size-limited, and a save based on an older
 * version refused so the page can ask before overwriting a newer one.
 */
@Timeout(120)
class DraftApiTest {
    static final String JSON = "application/json";

    @RegisterExtension
    static final ApiServer server = ApiServer.withAccounts("verdant-drafts-test")
            .account("cement-co", Role.ENTERPRISE, "91321183788362137D")
            .account("autoparts-co", Role.ENTERPRISE, "91340207MA2TG6A474")
            .account("admin", Role.ADMINISTRATOR);

    Http anonymous;
    Http cement;
    Http autoparts;
    Http admin;

    @BeforeEach
    void signIn() {
        anonymous = server.anonymous();
        cement = server.as("cement-co");
        autoparts = server.as("autoparts-co");
        admin = server.as("admin");
    }

    Http.Answer put(Http who, String name, String json) {
        return who.send(server.request("/api/drafts/" + name).header("Content-Type", JSON)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Http.Answer delete(Http who, String name) {
        return who.send(server.request("/api/drafts/" + name).DELETE());
    }

    @Test
    void aDraftIsSavedReadListedChangedAndDeletedByItsOwner() {
        Http.Answer saved = put(cement, "green-factory", "{\"text\": \"scheme: green-factory\\n\", \"file\": \"水泥.yaml\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode s = saved.json();
        assertThat(s.path("format").asText()).isEqualTo("verdant.draft/1");
        assertThat(s.path("revision").asLong()).isEqualTo(1);
        assertThat(s.path("saved_at").asText()).isNotBlank();

        JsonNode got = cement.get("/api/drafts/green-factory").json();
        assertThat(got.path("text").asText()).isEqualTo("scheme: green-factory\n");
        assertThat(got.path("file").asText()).isEqualTo("水泥.yaml");

        Http.Answer changed = put(cement, "green-factory", "{\"text\": \"scheme: green-factory\\nreporting_year: 2025\\n\", \"based_on\": 1}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("revision").asLong()).as("a draft is a working copy: changed in place").isEqualTo(2);
        assertThat(cement.get("/api/drafts/green-factory").json().path("text").asText()).contains("reporting_year");

        put(cement, "green-park", "{\"text\": \"scheme: green-park\\n\"}");
        JsonNode list = cement.get("/api/drafts").json();
        assertThat(list.path("format").asText()).isEqualTo("verdant.drafts/1");
        // (the other tests' drafts of this account may be listed too; the list is sorted by name)
        assertThat(list.path("drafts").findValuesAsText("name")).contains("green-factory", "green-park").isSorted();
        assertThat(list.path("drafts").get(0).has("text")).as("the list names the drafts; each is read on its own").isFalse();

        assertThat(delete(cement, "green-park").status()).isEqualTo(204);
        assertError(cement.get("/api/drafts/green-park"), 404, "not_found");
        assertError(delete(cement, "green-park"), 404, "not_found");
    }

    @Test
    void nobodySeesAnotherPersonsDrafts() {
        assertThat(put(autoparts, "mine", "{\"text\": \"scheme: green-factory\\n# autoparts\\n\"}").status()).isEqualTo(200);
        assertError(cement.get("/api/drafts/mine"), 404, "not_found");
        assertThat(cement.get("/api/drafts").json().path("drafts").findValuesAsText("name")).doesNotContain("mine");
        assertError(delete(cement, "mine"), 404, "not_found");
        assertThat(autoparts.get("/api/drafts/mine").json().path("text").asText()).contains("# autoparts");
        // the same name is each person's own
        assertThat(put(cement, "mine", "{\"text\": \"# cement\\n\"}").status()).isEqualTo(200);
        assertThat(autoparts.get("/api/drafts/mine").json().path("text").asText()).contains("# autoparts");

        assertError(anonymous.get("/api/drafts"), 401, "unauthenticated");
        assertError(admin.get("/api/drafts"), 403, "forbidden");
        assertError(put(admin, "x", "{\"text\": \"a: 1\\n\"}"), 403, "forbidden");
    }

    @Test
    void aSaveBasedOnAnOlderVersionIsRefusedUntilTheUserConfirms() {
        assertThat(put(cement, "conflict", "{\"text\": \"first\\n\"}").status()).isEqualTo(200);
        assertThat(put(cement, "conflict", "{\"text\": \"second, elsewhere\\n\", \"based_on\": 1}").status()).isEqualTo(200);
        Http.Answer stale = put(cement, "conflict", "{\"text\": \"older local\\n\", \"based_on\": 1}");
        assertError(stale, 409, "draft_newer");
        assertThat(stale.json().path("details").path("revision").asLong()).isEqualTo(2);
        assertThat(stale.json().path("message").asText()).contains("草稿");
        assertThat(cement.get("/api/drafts/conflict").json().path("text").asText()).isEqualTo("second, elsewhere\n");
        // a page that never saw a server draft says so (based_on null) and is refused too when there is one
        assertError(put(cement, "conflict", "{\"text\": \"x\\n\", \"based_on\": null}"), 409, "draft_newer");
        // confirmed: saved without a base
        assertThat(put(cement, "conflict", "{\"text\": \"older local\\n\"}").json().path("revision").asLong()).isEqualTo(3);
    }

    @Test
    void draftsAreSizeLimitedAndNamedPlainly() {
        String big = "#".repeat(Drafts.MAX_TEXT_BYTES + 1);
        assertError(put(cement, "big", "{\"text\": \"" + big + "\"}"), 413, "too_large");
        assertError(put(cement, "a%20b", "{\"text\": \"x\"}"), 400, "bad_request");
        assertError(put(cement, "ok", "not json"), 400, "bad_request");
        assertError(put(cement, "ok", "{\"file\": \"no text\"}"), 400, "bad_request");
        Http.Answer en = cement.get("/api/drafts/nothing-here?lang=en");
        assertError(en, 404, "not_found");
        assertThat(en.json().path("message").asText()).contains("draft");
    }
}
