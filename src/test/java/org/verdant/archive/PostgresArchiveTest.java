package org.verdant.archive;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verdant.support.TestRulebook;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The same archive on PostgreSQL: a throwaway cluster ({@link PgCluster}), or the database
 * VERDANT_TEST_JDBC_URL names. Each test works in a schema of its own and drops it afterwards
 * (the owner may drop the table; nobody may change its rows).
 */
class PostgresArchiveTest {
    PgCluster pg;
    String USER;
    String PASSWORD;
    String schema;
    String url;

    Connection connect(String u) throws SQLException {
        return pg.connect(u);
    }

    @BeforeEach
    void schema() throws SQLException {
        pg = PgCluster.get();
        USER = pg.user;
        PASSWORD = pg.password;
        schema = pg.newSchema();
        url = pg.urlOf(schema);
    }

    @AfterEach
    void drop() throws SQLException {
        if (schema != null) pg.dropSchema(schema);
    }

    @Test
    void storesListsLinksAndRefusesChanges() throws SQLException {
        String a = Stored.creditCode(41);
        String yaml = Stored.factory(2023, a, List.of());
        String again = Stored.factory(2023, a, List.of("INF-05"));
        try (Archive archive = Archive.open(url, USER, PASSWORD)) {
            ArchiveEntry first = Stored.store(archive, yaml);
            ArchiveEntry second = Stored.store(archive, again);
            Stored.store(archive, Stored.factory(2022, Stored.creditCode(42), List.of("INF-06")));
            assertThat(first.id()).isEqualTo(1);
            assertThat(second.previousId()).isEqualTo(1);
            assertThat(archive.list(ArchiveQuery.all()).stream().map(ArchiveEntry::id)).containsExactly(1L, 2L, 3L);
            assertThat(archive.list(2023, "green-factory", "C30")).extracting(e -> e.score().toPlainString()).containsExactly("100", "98");
            assertThat(archive.history(a)).hasSize(2);
            ArchivedEvaluation got = archive.get(2).orElseThrow();
            assertThat(new String(got.submission(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(again);
            assertThat(got.entry().evaluatedAt()).isEqualTo(Stored.T0);
            assertThat(new org.verdant.app.Application(TestRulebook.compiled()).verify(got).identical()).isTrue();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE evaluation SET score = 1")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM evaluation WHERE id = 1")).hasMessageContaining("append-only");
            // plain TRUNCATE is refused for the tables that reference evaluation; CASCADE reaches the trigger
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE evaluation")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE evaluation CASCADE")).hasMessageContaining("append-only");
        }
        // reopening finds the schema migrated
        try (Archive archive = Archive.open(url, USER, PASSWORD)) {
            assertThat(archive.list(ArchiveQuery.all())).hasSize(3);
        }
    }

    @Test
    void concurrentWritersRetryIntoOneChain() throws Exception {
        ArchiveInput in = Stored.input(Stored.factory(2023, Stored.creditCode(43), List.of()), "a.yaml", Stored.T0);
        try (Archive first = Archive.open(url, USER, PASSWORD)) {
            first.store(in); // migrate before the race
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<ArchiveEntry>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                futures.add(pool.submit(() -> {
                    try (Archive a = Archive.open(url, USER, PASSWORD)) {
                        return a.store(in);
                    }
                }));
            }
            for (var f : futures) f.get();
        } finally {
            pool.shutdown();
        }
        try (Archive archive = Archive.open(url, USER, PASSWORD)) {
            List<ArchiveEntry> all = archive.list(ArchiveQuery.all());
            assertThat(all).extracting(ArchiveEntry::id).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 13).boxed().toList());
            for (int i = 1; i < all.size(); i++) assertThat(all.get(i).previousId()).isEqualTo(all.get(i - 1).id());
        }
    }
}
