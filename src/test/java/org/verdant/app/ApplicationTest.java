package org.verdant.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveEntry;
import org.verdant.archive.ArchivedEvaluation;
import org.verdant.archive.Stored;
import org.verdant.fault.Fault;
import org.verdant.fault.Option;
import org.verdant.report.document.ReportDocument;
import org.verdant.report.document.ReportFormat;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.support.TestRulebook;
import org.verdant.verdict.VerdictJson;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The application layer every face calls: one reading, one evaluation, its renderings and its faults. */
class ApplicationTest {
    private static final String FACTORY = "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml";

    @TempDir
    Path dir;

    private static Application app() {
        return new Application(TestRulebook.compiled());
    }

    private static Request request(String file, Settings settings) throws Exception {
        return new Request(file, Files.readAllBytes(Path.of(file)), settings);
    }

    @Test
    void evaluatesOnceAndRendersFromTheOneVerdict() throws Exception {
        Evaluation e = app().evaluate(request(FACTORY, Settings.defaults()));
        assertThat(e.json()).isEqualTo(VerdictJson.write(e.verdict(), e.messages()));
        assertThat(e.json()).isSameAs(e.json()); // rendered once
        assertThat(e.jsonTree()).isSameAs(e.jsonTree());
        assertThat(e.digest()).isEqualTo(Application.digest(Files.readAllBytes(Path.of(FACTORY))));
        assertThat(e.json()).contains("\"digest\" : \"" + e.digest() + "\"");
        assertThat(e.traces()).isSameAs(e.traces());
        assertThat(e.root().location().file()).isEqualTo(FACTORY);
    }

    @Test
    void theTraceLocatesInputsInTheTreeTheEvaluatorRead() throws Exception {
        Evaluation e = app().evaluate(request(FACTORY, Settings.defaults().withLang("en")));
        String traced = e.json(true);
        assertThat(traced).contains("\"trace\"").contains("\"at\" : \"cement-jiangsu-high-scorer.yaml:");
        assertThat(e.json(false)).isEqualTo(e.json()).doesNotContain("\"trace\"");
        assertThat(e.explain("prf-11", false)).contains("PRF-11");
    }

    @Test
    void anUnknownCriterionIsNotFoundWithASuggestion() throws Exception {
        Evaluation e = app().evaluate(request(FACTORY, Settings.defaults()));
        Fault f = catchThrowableOfType(() -> e.explain("PRF-111", false), Fault.class);
        assertThat(f.kind()).isEqualTo(Fault.Kind.NOT_FOUND);
        assertThat(f.getMessage()).startsWith("no criterion 'PRF-111' in green-factory").contains("did you mean 'PRF-11'?");
    }

    @Test
    void anUnknownGradingTableNamesTheOptionNotAFlag() throws Exception {
        Fault f = catchThrowableOfType(() -> app().evaluate(request(FACTORY, new Settings(null, null, "nope", "zh"))), Fault.class);
        assertThat(f.kind()).isEqualTo(Fault.Kind.USAGE);
        assertThat(f.option()).isEqualTo(Option.GRADING);
        assertThat(f.getMessage()).startsWith("unknown grading table 'nope'; available: ").doesNotContain("--");
        Fault early = catchThrowableOfType(() -> app().requireGrading("nope"), Fault.class);
        assertThat(early.getMessage()).isEqualTo(f.getMessage());
    }

    @Test
    void anInvalidSubmissionCarriesItsLocatedProblems() {
        Request bad = new Request("bad.yaml", "scheme: green-factory\nfacility: [\n".getBytes(StandardCharsets.UTF_8), Settings.defaults());
        Fault f = catchThrowableOfType(() -> app().evaluate(bad), Fault.class);
        assertThat(f.kind()).isEqualTo(Fault.Kind.INVALID_SUBMISSION);
        assertThat(f.count()).isPositive();
        assertThat(f.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.location().file()).isEqualTo("bad.yaml"));
    }

    @Test
    void whatIfChangesThatMakeTheSubmissionInvalidAreAboutSet() throws Exception {
        Evaluation e = app().evaluate(request(FACTORY, Settings.defaults()));
        Fault f = catchThrowableOfType(() -> e.whatIf(Application.changes(List.of("products[0].energy=banana")), false), Fault.class);
        assertThat(f.kind()).isEqualTo(Fault.Kind.INVALID_SUBMISSION);
        assertThat(f.option()).isEqualTo(Option.SET);
        Fault syntax = catchThrowableOfType(() -> Application.changes(List.of("no-equals-sign")), Fault.class);
        assertThat(syntax.kind()).isEqualTo(Fault.Kind.USAGE);
        String shown = e.whatIf(Application.changes(List.of("products[0].energy=7920tce")), false);
        assertThat(shown).contains("products[0].energy");
    }

    @Test
    void theRadarIsTheReportsOwnChart() throws Exception {
        Evaluation e = app().evaluate(request(FACTORY, Settings.defaults()));
        String radar = e.radar();
        assertThat(radar).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"radar\"").endsWith("</svg>");
        assertThat(ReportDocument.render(e.verdict(), e.messages(), ReportFormat.html)).contains(radar);
        assertThat(e.report(ReportFormat.html)).contains(radar);
    }

    @Test
    void theIndicatorTableIsPassedThrough() {
        Settings s = new Settings("GB/T 36132-2025", "national-general", null, "en");
        assertThat(s.evaluatorOptions().table()).isEqualTo("national-general");
        assertThat(s.evaluatorOptions().edition()).isEqualTo("GB/T 36132-2025");
        assertThat(s.withLang("zh").table()).isEqualTo("national-general");
        assertThat(new Settings(null, null, null, null).lang()).isEqualTo("zh");
    }

    @Test
    void aRecordReproducesItsVerdict() throws Exception {
        Evaluation e = app().evaluate(request(FACTORY, Settings.defaults()));
        var record = org.verdant.record.Records.read(e.record().getBytes(StandardCharsets.UTF_8));
        assertThat(app().verify(record).identical()).isTrue();
    }

    @Test
    void anArchivedEvaluationIsReproducedOrRefusedWithItsDifferences() throws Exception {
        String yaml = Stored.factory(2023, Stored.creditCode(8), List.of("INF-05"));
        CompiledRulebook changed = new CompiledRulebook(RulebookLoader.load(Path.of("rules"), Stored.changedScorecards(dir)));
        try (Archive archive = Archive.open(dir.resolve("data"))) {
            ArchiveEntry stored = Stored.store(archive, yaml);
            ArchivedEvaluation a = archive.get(stored.id()).orElseThrow();
            Evaluation same = app().reproduce(a);
            assertThat(same.json()).isEqualTo(a.verdictJson());
            assertThat(same.withLang(a.lang())).isSameAs(same);
            assertThat(same.withLang(a.lang().equals("en") ? "zh" : "en").json()).isNotEqualTo(a.verdictJson());
            Application.NotReproduced f = catchThrowableOfType(() -> new Application(changed).reproduce(a), Application.NotReproduced.class);
            assertThat(f.kind()).isEqualTo(Fault.Kind.NOT_REPRODUCED);
            assertThat(f.recordId()).isEqualTo(stored.id());
            assertThat(f.details()).extracting(Fault.Difference::toString).contains("score: 98 → 99");
        }
    }

    @Test
    void storingKeepsTheVerdictAsPrinted() throws Exception {
        Evaluation e = app().evaluate(request(FACTORY, Settings.defaults()));
        try (Archive archive = Archive.open(dir.resolve("store"))) {
            ArchiveEntry entry = e.store(archive);
            assertThat(archive.get(entry.id()).orElseThrow().verdictJson()).isEqualTo(e.json());
        }
    }

    @Test
    void faultsSortWhatTheLowerLayersThrow() {
        assertThat(Faults.of(new org.verdant.archive.ArchiveException("locked")).kind()).isEqualTo(Fault.Kind.ARCHIVE);
        assertThat(Faults.of(new org.verdant.rulebook.RulebookException(List.of())).kind()).isEqualTo(Fault.Kind.INVALID_RULEBOOK);
        assertThat(Faults.of(new java.io.IOException("gone")).kind()).as("a failed read or write is no misuse").isEqualTo(Fault.Kind.IO);
        Fault bug = Faults.of(new IllegalStateException("boom"));
        assertThat(bug.kind()).isEqualTo(Fault.Kind.INTERNAL);
        assertThat(((Faults.Internal) bug).bug()).isInstanceOf(IllegalStateException.class);
    }
}
