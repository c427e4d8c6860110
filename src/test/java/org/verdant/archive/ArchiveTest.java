package org.verdant.archive;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SQLite archive: store, read, append-only, re-evaluations linked, history. */
class ArchiveTest {
    static String base2023;
    static String notMet2023;
    static String other2022;
    static final String A = Stored.creditCode(1);
    static final String B = Stored.creditCode(2);

    @TempDir
    Path dir;

    @BeforeAll
    static void submissions() {
        base2023 = Stored.factory(2023, A, "甲水泥有限公司", "C3011", List.of());
        notMet2023 = Stored.factory(2023, A, "甲水泥有限公司", "C3011", List.of("INF-05"));
        other2022 = Stored.factory(2022, B, "乙玻璃有限公司", "C3041", List.of("INF-06"));
    }

    @Test
    void storesAndLists() {
        Instant at = Instant.parse("2026-03-01T08:15:30.123Z");
        ArchiveInput in = Stored.input(base2023, "fixtures/jia.yaml", at);
        try (Archive archive = Archive.open(dir)) {
            ArchiveEntry e = archive.store(in);
            assertThat(e.id()).isEqualTo(1);
            assertThat(e.previousId()).isNull();
            Stored.store(archive, other2022);

            ArchivedEvaluation got = archive.get(1).orElseThrow();
            assertThat(got.entry()).isEqualTo(e);
            assertThat(got.submission()).isEqualTo(base2023.getBytes(StandardCharsets.UTF_8));
            assertThat(got.verdictJson()).isEqualTo(in.verdictJson());
            assertThat(got.lang()).isEqualTo("zh");
            assertThat(got.requestedEdition()).isNull();
            ArchiveEntry x = got.entry();
            assertThat(x.evaluatedAt()).isEqualTo(at);
            assertThat(x.scheme()).isEqualTo("green-factory");
            assertThat(x.edition()).isEqualTo("GB/T 36132-2018");
            assertThat(x.creditCode()).isEqualTo(A);
            assertThat(x.facilityName()).isEqualTo("甲水泥有限公司");
            assertThat(x.industry()).isEqualTo("C3011");
            assertThat(x.province()).isEqualTo("江苏");
            assertThat(x.reportingYear()).isEqualTo(2023);
            assertThat(x.eligible()).isTrue();
            assertThat(x.mandatoryMet()).isTrue();
            assertThat(x.score()).isEqualByComparingTo("100");
            assertThat(x.inputFile()).isEqualTo("fixtures/jia.yaml");
            assertThat(x.inputDigest()).startsWith("sha256:").isEqualTo(org.verdant.evaluation.Evaluator.sha256(in.submission()));
            assertThat(x.rulebookDigest()).startsWith("sha256:");
            assertThat(x.engineVersion()).isNotBlank();
            // the time is the archive's, never the verdict's
            assertThat(got.verdictJson()).doesNotContain("2026-03-01T08").doesNotContain("evaluated_at");

            assertThat(archive.list(ArchiveQuery.all())).extracting(ArchiveEntry::id).containsExactly(1L, 2L);
            assertThat(archive.list(ArchiveQuery.all().creditCode(B))).extracting(ArchiveEntry::id).containsExactly(2L);
            assertThat(archive.list(ArchiveQuery.all().year(2023))).extracting(ArchiveEntry::id).containsExactly(1L);
            assertThat(archive.list(ArchiveQuery.all().scheme("green-park"))).isEmpty();
            assertThat(archive.list(2022, "green-factory", "C30")).extracting(ArchiveEntry::id).containsExactly(2L);
            assertThat(archive.list(null, null, "C301")).extracting(ArchiveEntry::id).containsExactly(1L);
            assertThat(archive.list(null, null, "C26")).isEmpty();
            assertThat(archive.list(2022, null, null).get(0).score()).isEqualByComparingTo(new BigDecimal("99"));
            assertThat(archive.get(3)).isEmpty();
        }
        // reopened (migrations already applied): the records are there
        try (Archive archive = Archive.open(dir)) {
            assertThat(archive.list(ArchiveQuery.all())).hasSize(2);
        }
    }

    @Test
    void refusesAVerdictOfAnotherSubmission() {
        try (Archive archive = Archive.open(dir)) {
            ArchiveInput in = Stored.input(base2023, "a.yaml", Stored.T0);
            ArchiveInput forged = new ArchiveInput(notMet2023.getBytes(StandardCharsets.UTF_8), "a.yaml", in.verdictJson(), null, null, Stored.T0);
            assertThatThrownBy(() -> archive.store(forged)).isInstanceOf(ArchiveException.class).hasMessageContaining("input digest");
            ArchiveInput notAVerdict = new ArchiveInput(in.submission(), "a.yaml", "{\"format\": \"other\"}", null, null, Stored.T0);
            assertThatThrownBy(() -> archive.store(notAVerdict)).isInstanceOf(ArchiveException.class).hasMessageContaining("verdant.verdict/1");
            assertThat(archive.list(ArchiveQuery.all())).isEmpty();
        }
    }

    @Test
    void isAppendOnly() throws SQLException {
        try (Archive archive = Archive.open(dir)) {
            Stored.store(archive, base2023);
            Stored.store(archive, notMet2023);
        }
        // straight to the file, past Verdant's API: the schema itself refuses
        String url = "jdbc:sqlite:" + dir.resolve(ArchiveLocation.FILE_NAME);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE evaluation SET score = 10 WHERE id = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE evaluation SET verdict_json = '{}'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM evaluation WHERE id = 2"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM evaluation"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(score) FROM evaluation")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
                assertThat(rs.getDouble(2)).isEqualTo(98.0);
            }
        }
        // and the API offers no way to change or remove a record
        List<String> mutators = Arrays.stream(Archive.class.getMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName)
                .filter(n -> n.matches("(?i)(update|delete|remove|replace|put|set|clear|truncate|drop).*"))
                .toList();
        assertThat(mutators).isEmpty();
    }

    @Test
    void linksAReEvaluationToThePreviousRecord() throws SQLException {
        try (Archive archive = Archive.open(dir)) {
            ArchiveEntry first = Stored.store(archive, base2023, Stored.T0);
            ArchiveEntry other = Stored.store(archive, other2022, Stored.T0.plusSeconds(1));
            ArchiveEntry second = Stored.store(archive, notMet2023, Stored.T0.plusSeconds(2));
            ArchiveEntry third = Stored.store(archive, base2023, Stored.T0.plusSeconds(3));
            ArchiveEntry otherYear = Stored.store(archive, Stored.factory(2022, A, List.of()), Stored.T0.plusSeconds(4));
            assertThat(first.previousId()).isNull();
            assertThat(other.previousId()).isNull();
            assertThat(second.previousId()).isEqualTo(first.id());
            assertThat(third.previousId()).isEqualTo(second.id());
            assertThat(otherYear.previousId()).as("another reporting year starts its own chain").isNull();
            assertThat(archive.get(third.id()).orElseThrow().entry().previousId()).isEqualTo(2 + 1L);
            assertThat(second.score()).isEqualByComparingTo("98");
        }
        // the chain is a line: no second record may re-evaluate the same one
        String url = "jdbc:sqlite:" + dir.resolve(ArchiveLocation.FILE_NAME);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO evaluation SELECT 99, 1, evaluated_at, scheme, edition, credit_code, "
                    + "facility_name, industry, province, reporting_year, eligible, mandatory_met, score, grade, lang, requested_edition, "
                    + "requested_grading, input_file, input_digest, rulebook_digest, engine_version, submission, verdict_json, "
                    + "previous_hash, 'sha256:x' FROM evaluation WHERE id = 3"))
                    // the no-replace trigger (V5) refuses it before the UNIQUE constraint would
                    .isInstanceOf(SQLException.class).message().containsAnyOf("UNIQUE", "cannot be replaced");
        }
    }

    @Test
    void historyOfAFacility() {
        try (Archive archive = Archive.open(dir)) {
            Stored.store(archive, base2023);
            Stored.store(archive, other2022);
            Stored.store(archive, Stored.factory(2022, A, List.of("INF-08")));
            Stored.store(archive, notMet2023);
            List<ArchiveEntry> h = archive.history(A);
            assertThat(h).extracting(ArchiveEntry::id).containsExactly(3L, 1L, 4L); // by year, then archiving order
            assertThat(h).extracting(ArchiveEntry::reportingYear).containsExactly(2022, 2023, 2023);
            assertThat(h).extracting(ArchiveEntry::previousId).containsExactly(null, null, 1L);
            assertThat(h).extracting(e -> e.score().toPlainString()).containsExactly("98.6", "100", "98");
            assertThat(archive.history(Stored.creditCode(77))).isEmpty();
        }
    }

    @Test
    void concurrentWritersGetGapFreeIdsAndOneChain() throws Exception {
        ArchiveInput in = Stored.input(base2023, "a.yaml", Stored.T0);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<ArchiveEntry>> futures = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                futures.add(pool.submit(() -> {
                    try (Archive a = Archive.open(dir)) { // separate instances, as separate processes would be
                        return a.store(in);
                    }
                }));
            }
            for (Future<ArchiveEntry> f : futures) f.get();
        } finally {
            pool.shutdown();
        }
        try (Archive archive = Archive.open(dir)) {
            List<ArchiveEntry> all = archive.list(ArchiveQuery.all());
            assertThat(all).extracting(ArchiveEntry::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
            assertThat(all).extracting(ArchiveEntry::previousId).containsExactly(null, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        }
    }

    @Test
    void locations() {
        Path missing = dir.resolve("none");
        assertThatThrownBy(() -> Archive.open(ArchiveLocation.dataDir(missing), false))
                .isInstanceOf(ArchiveException.class).hasMessageContaining("no archive at");
        assertThat(missing).doesNotExist();
        assertThatThrownBy(() -> Archive.open("jdbc:mysql://localhost/verdant?password=secret"))
                .isInstanceOf(ArchiveException.class).hasMessageContaining("SQLite").hasMessageContaining("PostgreSQL")
                .hasMessageNotContaining("secret");

        Map<String, String> env = Map.of("VERDANT_DATA", "/srv/verdant", "VERDANT_JDBC_URL", "jdbc:postgresql://db/verdant",
                "VERDANT_JDBC_USER", "u", "VERDANT_JDBC_PASSWORD", "p");
        assertThat(ArchiveLocation.resolve(Path.of("d"), null, env)).isEqualTo(ArchiveLocation.dataDir(Path.of("d")));
        assertThat(ArchiveLocation.resolve(null, null, env)).isEqualTo(ArchiveLocation.jdbc("jdbc:postgresql://db/verdant", "u", "p"));
        assertThat(ArchiveLocation.resolve(null, "jdbc:sqlite:x.db", env).url()).isEqualTo("jdbc:sqlite:x.db");
        assertThat(ArchiveLocation.resolve(null, null, Map.of("VERDANT_DATA", "/srv/verdant")).dataDir()).isEqualTo(Path.of("/srv/verdant"));
        assertThat(ArchiveLocation.resolve(null, null, Map.of()).dataDir()).isEqualTo(Path.of("verdant-data"));
        assertThat(ArchiveLocation.jdbc("jdbc:postgresql://db/v?user=a&password=b", null, null).describe()).isEqualTo("jdbc:postgresql://db/v");
        assertThatThrownBy(() -> ArchiveLocation.resolve(Path.of("d"), "jdbc:sqlite:x", env)).isInstanceOf(ArchiveException.class).hasMessageContaining("not both");
    }
}
