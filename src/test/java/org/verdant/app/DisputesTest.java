package org.verdant.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.access.Actor;
import org.verdant.access.Role;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveEntry;
import org.verdant.archive.ArchiveLocation;
import org.verdant.archive.RulebookSnapshots;
import org.verdant.archive.Stored;
import org.verdant.compare.Comparison;
import org.verdant.dispute.Dispute;
import org.verdant.dispute.DisputeReport;
import org.verdant.dispute.Objection;
import org.verdant.dispute.Recheck;
import org.verdant.dispute.Ruling;
import org.verdant.fault.Fault;
import org.verdant.report.document.ReportFormat;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.support.TestRulebook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A dispute start to finish: objection, re-evaluation under the original (and current) rulebook, diff, ruling. */
class DisputesTest {
    private static final Actor LOCAL = Actor.localOperator();

    @TempDir
    Path dir;

    /** Evaluates and archives as `evaluate --archive` does (with the rulebook snapshot). */
    private static ArchiveEntry archive(Application app, Archive archive, String yaml) throws Fault {
        return app.evaluate(new Request("submission.yaml", yaml.getBytes(StandardCharsets.UTF_8), Settings.defaults())).store(archive);
    }

    private static Objection corrected(List<String> criteria, String yaml) {
        return new Objection(criteria, "INF-05 的证明材料已补齐", List.of("能源管理体系认证证书.pdf"), "corrected.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void correctedFiguresAreReEvaluatedComparedAndRuledOn() throws Exception {
        Application app = new Application(TestRulebook.compiled());
        String code = Stored.creditCode(41);
        try (Archive archive = Archive.open(dir)) {
            ArchiveEntry e = archive(app, archive, Stored.factory(2023, code, List.of("INF-05")));
            Disputes disputes = new Disputes(app, archive);
            Dispute d = disputes.file(LOCAL, e.id(), corrected(List.of("INF-05"), Stored.factory(2023, code, List.of())));
            assertThat(d.id()).isEqualTo(1);
            assertThat(d.status()).isEqualTo("open");
            // the rulebook has not changed: one re-evaluation, under the original rulebook, which is the current one
            assertThat(d.rechecks()).singleElement().satisfies(r -> {
                assertThat(r.rulebook()).isEqualTo(Recheck.Rulebook.ORIGINAL);
                assertThat(r.sameRulebook()).isTrue();
                assertThat(r.rulebookDigest()).isEqualTo(e.rulebookDigest());
            });
            Comparison c = disputes.compared(d).get(0).comparison();
            assertThat(c.a().score()).isEqualTo(e.score().doubleValue());
            assertThat(c.b().score()).isEqualTo(100.0);
            assertThat(c.items()).anySatisfy(i -> {
                assertThat(i.id()).isEqualTo("INF-05");
                assertThat(i.statusA()).isEqualTo("not_met");
                assertThat(i.statusB()).isEqualTo("met");
            });
            assertThat(c.inputs()).anySatisfy(l -> assertThat(l.path()).startsWith("claims.INF-05"));

            Dispute ruled = disputes.rule(LOCAL, d.id(), Ruling.UPHELD, "证书有效，异议成立");
            assertThat(ruled.status()).isEqualTo("upheld");
            assertThat(ruled.steps()).extracting(s -> s.kind()).containsExactly("objection", "reevaluation", "ruling");
            assertThat(ruled.steps().get(1).previousSha256()).isEqualTo(ruled.steps().get(0).contentSha256());
            assertThat(ruled.steps().get(2).previousSha256()).isEqualTo(ruled.steps().get(1).contentSha256());
            assertThat(ruled.chainProblems()).isEmpty();

            String zh = disputes.report(LOCAL, d.id(), ReportFormat.md, "zh");
            assertThat(zh).contains("# 异议复核报告", "## 原评价", "## 异议", "## 复核（原规则库 / 现行规则库）", "## 逐项差异及原因", "## 裁定",
                    "异议成立", "INF-05", "能源管理体系认证证书.pdf", "证书有效，异议成立");
            String en = disputes.report(LOCAL, d.id(), ReportFormat.html, "en");
            assertThat(en).contains("<h2>Original evaluation</h2>", "<h2>Ruling</h2>", "objection upheld", "<html lang=\"en\">");

            assertThatThrownBy(() -> disputes.rule(LOCAL, d.id(), Ruling.REJECTED, "改判"))
                    .isInstanceOfSatisfying(Fault.class, f -> assertThat(f.kind()).isEqualTo(Fault.Kind.USAGE))
                    .hasMessageContaining("never rewritten");
            assertThat(Disputes.ofFacility(archive, LOCAL, code)).singleElement().satisfies(x -> assertThat(x.status()).isEqualTo("upheld"));
        }
    }

    @Test
    void reEvaluatesUnderTheArchivedRulebookAndTheChangedCurrentOne() throws Exception {
        String code = Stored.creditCode(42);
        CompiledRulebook changed = new CompiledRulebook(RulebookLoader.load(Path.of("rules"), Stored.changedScorecards(dir)));
        try (Archive archive = Archive.open(dir.resolve("data"))) {
            ArchiveEntry e = archive(new Application(TestRulebook.compiled()), archive, Stored.factory(2023, code, List.of("INF-05")));
            assertThat(RulebookSnapshots.load(archive, e.rulebookDigest())).isPresent();
            Disputes disputes = new Disputes(new Application(changed), archive);
            Dispute d = disputes.file(LOCAL, e.id(), new Objection(List.of("INF-05"), "分值有误", List.of(), null, null));
            assertThat(d.rechecks()).extracting(Recheck::rulebook).containsExactly(Recheck.Rulebook.ORIGINAL, Recheck.Rulebook.CURRENT);
            List<DisputeReport.Compared> compared = disputes.compared(d);
            // compiled again from the archive's snapshot, the original rulebook gives the archived verdict back
            Comparison original = compared.get(0).comparison();
            assertThat(compared.get(0).recheck().rulebookDigest()).isEqualTo(e.rulebookDigest());
            assertThat(original.items()).isEmpty();
            assertThat(original.b().score()).isEqualTo(98.0);
            Comparison current = compared.get(1).comparison();
            assertThat(current.b().score()).isEqualTo(99.0);
            assertThat(current.items()).anySatisfy(i -> {
                assertThat(i.id()).isEqualTo("INF-05");
                assertThat(i.maxA()).isEqualTo(10.0);
                assertThat(i.maxB()).isEqualTo(5.0);
            });
            assertThat(current.parameters()).anySatisfy(p -> assertThat(p.what()).isEqualTo("rulebook digest"));
            assertThat(disputes.report(LOCAL, d.id(), ReportFormat.md, "zh")).contains("原规则库", "现行规则库", "规则库变化")
                    // the rulebook rows in words (h14-last), not their codes
                    .contains(new org.verdant.text.Messages("zh").get("diff.param.digest") + "：").doesNotContain("rulebook digest");
        }
    }

    @Test
    void aRecordStoredWithoutASnapshotSaysTheOriginalRulebookIsMissing() throws Exception {
        String code = Stored.creditCode(43);
        CompiledRulebook changed = new CompiledRulebook(RulebookLoader.load(Path.of("rules"), Stored.changedScorecards(dir)));
        try (Archive archive = Archive.open(dir.resolve("data"))) {
            ArchiveEntry e = Stored.store(archive, Stored.factory(2023, code, List.of("INF-05"))); // no snapshot, as before V4
            Dispute d = new Disputes(new Application(changed), archive).file(LOCAL, e.id(), new Objection(List.of("INF-05"), "分值有误", List.of(), null, null));
            assertThat(d.recheck(Recheck.Rulebook.ORIGINAL)).hasValueSatisfying(r -> assertThat(r.available()).isFalse());
            assertThat(d.recheck(Recheck.Rulebook.CURRENT)).hasValueSatisfying(r -> assertThat(r.available()).isTrue());
            assertThat(new Disputes(new Application(changed), archive).report(LOCAL, d.id(), ReportFormat.md, "en"))
                    .contains("holds no snapshot of the original rulebook");
        }
    }

    @Test
    void whoMayObjectAndWhoMayRuleIsAccessChecked() throws Exception {
        Application app = new Application(TestRulebook.compiled());
        String code = Stored.creditCode(44);
        Actor owner = new Actor("acme", EnumSet.of(Role.ENTERPRISE), Set.of(code));
        Actor stranger = new Actor("other", EnumSet.of(Role.ENTERPRISE), Set.of(Stored.creditCode(45)));
        Actor evaluator = new Actor("eval", EnumSet.of(Role.EVALUATOR), Set.of(code));
        Actor regulator = new Actor("reg", EnumSet.of(Role.REGULATOR), Set.of());
        try (Archive archive = Archive.open(dir)) {
            ArchiveEntry e = archive(app, archive, Stored.factory(2023, code, List.of("INF-05")));
            Disputes disputes = new Disputes(app, archive);
            Objection o = new Objection(List.of("INF-05"), "理由", List.of(), null, null);
            assertThatThrownBy(() -> disputes.file(stranger, e.id(), o))
                    .isInstanceOfSatisfying(Fault.class, f -> assertThat(f.kind()).isEqualTo(Fault.Kind.FORBIDDEN));
            assertThatThrownBy(() -> disputes.file(regulator, e.id(), o))
                    .isInstanceOfSatisfying(Fault.class, f -> assertThat(f.kind()).isEqualTo(Fault.Kind.FORBIDDEN));
            Dispute byOwner = disputes.file(owner, e.id(), o);
            Dispute byEvaluator = disputes.file(evaluator, e.id(), o);
            assertThat(byEvaluator.id()).isEqualTo(byOwner.id() + 1);
            assertThat(byOwner.objector()).isEqualTo("acme");
            assertThatThrownBy(() -> disputes.show(stranger, byOwner.id()))
                    .isInstanceOfSatisfying(Fault.class, f -> assertThat(f.kind()).isEqualTo(Fault.Kind.FORBIDDEN));
            for (Actor notRegulator : List.of(owner, evaluator)) {
                assertThatThrownBy(() -> disputes.rule(notRegulator, byOwner.id(), Ruling.UPHELD, "自行裁定"))
                        .isInstanceOfSatisfying(Fault.class, f -> assertThat(f.kind()).isEqualTo(Fault.Kind.FORBIDDEN));
            }
            assertThat(disputes.rule(regulator, byOwner.id(), Ruling.REJECTED, "证据不足").decision().actor()).isEqualTo("reg");
        }
    }

    @Test
    void badObjectionsAreRefusedBeforeAnythingIsStored() throws Exception {
        Application app = new Application(TestRulebook.compiled());
        String code = Stored.creditCode(46);
        try (Archive archive = Archive.open(dir)) {
            ArchiveEntry e = archive(app, archive, Stored.factory(2023, code, List.of("INF-05")));
            Disputes disputes = new Disputes(app, archive);
            assertThatThrownBy(() -> disputes.file(LOCAL, e.id(), new Objection(List.of("ZZ-99"), "理由", List.of(), null, null)))
                    .isInstanceOfSatisfying(Fault.class, f -> assertThat(f.kind()).isEqualTo(Fault.Kind.USAGE)).hasMessageContaining("ZZ-99");
            assertThatThrownBy(() -> disputes.file(LOCAL, e.id(), corrected(List.of("INF-05"), "format: verdant.submission/1\nscheme: green-factory\n")))
                    .isInstanceOfSatisfying(Fault.class, f -> assertThat(f.kind()).isEqualTo(Fault.Kind.INVALID_SUBMISSION));
            assertThatThrownBy(() -> disputes.file(LOCAL, e.id(), corrected(List.of("INF-05"), Stored.factory(2023, Stored.creditCode(47), List.of()))))
                    .isInstanceOfSatisfying(Fault.class, f -> assertThat(f.kind()).isEqualTo(Fault.Kind.USAGE)).hasMessageContaining("must be of record");
            assertThatThrownBy(() -> disputes.file(LOCAL, 999, new Objection(List.of("INF-05"), "理由", List.of(), null, null)))
                    .isInstanceOfSatisfying(Fault.class, f -> assertThat(f.kind()).isEqualTo(Fault.Kind.NOT_FOUND));
            assertThat(Disputes.ofFacility(archive, LOCAL, code)).isEmpty();
        }
    }

    @Test
    void stepsAreAppendOnlyAndARewrittenStepShows() throws Exception {
        Application app = new Application(TestRulebook.compiled());
        String code = Stored.creditCode(48);
        try (Archive archive = Archive.open(dir)) {
            ArchiveEntry e = archive(app, archive, Stored.factory(2023, code, List.of("INF-05")));
            Disputes disputes = new Disputes(app, archive);
            Dispute d = disputes.file(LOCAL, e.id(), new Objection(List.of("INF-05"), "理由", List.of(), null, null));
            String url = "jdbc:sqlite:" + dir.resolve(ArchiveLocation.FILE_NAME);
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                for (String sql : List.of("UPDATE dispute_step SET content = 'x'", "DELETE FROM dispute_step",
                        "UPDATE rulebook_file SET bytes = x'00'", "DELETE FROM rulebook_snapshot")) {
                    assertThatThrownBy(() -> st.executeUpdate(sql)).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
                }
                // someone with the file in hand drops the guard and rewrites the objection's reason
                st.execute("DROP TRIGGER dispute_step_no_update");
                st.executeUpdate("UPDATE dispute_step SET content = REPLACE(content, '\"理由\"', '\"改写的理由\"') WHERE seq = 1");
            }
            Dispute rewritten = disputes.show(LOCAL, d.id());
            assertThat(rewritten.objection().reason()).isEqualTo("改写的理由");
            assertThat(rewritten.chainProblems()).anySatisfy(p -> assertThat(p).startsWith("step 1: content sha256"));
            assertThat(disputes.report(LOCAL, d.id(), ReportFormat.md, "zh")).contains("记录链不完整");
        }
    }
}
