package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.archive.Archive;
import org.verdant.archive.Stored;
import org.verdant.support.TestRulebook;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/archive/verify: the whole archive's check, as archive verify --all. */
class ArchiveApiTest {
    @TempDir
    Path data;

    @Test
    void verifiesTheWholeArchiveAndNamesTheFirstBreak() throws Exception {
        Archive archive = Archive.open(data);
        Stored.store(archive, Stored.factory(2023, Stored.creditCode(51), List.of("INF-05")));
        try (VerdantServer server = VerdantServer.start(new VerdantServer.Config("127.0.0.1", 0, TestRulebook.compiled(), archive, null), null)) {
            Http http = new Http(server.uri(), null);
            Http.Answer ok = http.get("/api/archive/verify");
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            JsonNode j = ok.json();
            assertThat(j.get("format").asText()).isEqualTo("verdant.archive-integrity/1");
            assertThat(j.get("intact").asBoolean()).isTrue();
            assertThat(j.get("records").asLong()).isEqualTo(1);
            String head = j.get("head").asText();
            assertThat(http.post("/api/archive/verify?head=" + head, null, new byte[0]).json().get("intact").asBoolean()).isTrue();

            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("verdant-archive.sqlite")); Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER evaluation_no_update");
                s.execute("UPDATE evaluation SET grade = 'A+' WHERE id = 1");
            }
            JsonNode damaged = http.get("/api/archive/verify").json();
            assertThat(damaged.get("intact").asBoolean()).isFalse();
            assertThat(damaged.get("breaks").get(0).get("id").asLong()).isEqualTo(1);
            assertThat(damaged.get("breaks").toString()).contains("\"what\":\"column grade\"");
        }
    }
}
