package org.verdant.rulebook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The benchmarks file is read into typed corrections; a malformed correction is refused with its file:line. */
class BenchmarksReaderTest {
    private static final String HEAD = """
            format: verdant.benchmarks/1
            id: benchmarks/energy-limits
            version: "test"
            sources:
              gb: {title: "GB test"}
            rows:
              - id: coke
                standard: "GB 21342-2025"
                clause: "4, 表1"
                product: {zh: "焦炭", en: "coke"}
                unit: "kgce/t"
                levels: {1: 110, 2: 110, 3: 135}
                status: provisional
                source: gb
                adjustments:
            """;

    private static List<String> problems(String adjustments) {
        byte[] bytes = (HEAD + adjustments.indent(4)).getBytes(StandardCharsets.UTF_8);
        var e = catchThrowableOfType(() -> ScorecardReader.assemble("test",
                List.of(new SourceFile("scorecards/benchmarks/limits.yaml", "limits.yaml", bytes)), "digest"), RulebookException.class);
        assertThat(e).as("the file is refused").isNotNull();
        return e.problems().stream().map(Object::toString).toList();
    }

    @Test
    void theRepositoryFileIsReadIntoTypedCorrections() throws Exception {
        Benchmarks b = RulebookLoader.load(Path.of("rules"), Path.of("scorecards")).benchmarks();
        var cement = b.row("cement").orElseThrow();
        assertThat(cement.adjustments()).hasSize(2);
        var share = (Benchmarks.PerPoint) cement.adjustments().get(0);
        assertThat(share.direction()).isEqualTo(Benchmarks.Direction.AWAY);
        assertThat(share.perPoint()).isEqualTo(java.util.Map.of(1, 1.10, 2, 1.15, 3, 1.20));
        assertThat(share.citation().where()).isEqualTo("5.4, 表1");
        assertThat(share.citation().source()).startsWith("GB 16780-2021").contains("docs/criteria/industry-benchmarks.md#");
        var k = (Benchmarks.FactorAbove) cement.adjustments().get(1);
        assertThat(k.levels()).containsExactly(3);
        var coke = b.row("coke-top-charged").orElseThrow();
        assertThat(coke.adjustments()).extracting(a -> a.getClass().getSimpleName())
                .containsExactly("PerPoint", "Interpolated", "PerPoint", "Bands", "AdditionIf");
        assertThat(((Benchmarks.Interpolated) coke.adjustments().get(1)).points()).hasSize(8).containsEntry(21.0, -8.30);
        assertThat(coke.adjustments().get(3).levels()).containsExactly(1, 3);
        assertThat(coke.adjustments().get(4).levels()).containsExactly(3);
        assertThat(b.row("eaf-70t").orElseThrow().adjustments().get(0)).isInstanceOf(Benchmarks.MultiplierIf.class);
        assertThat(b.row("converter").orElseThrow().levels()).containsEntry(1, -30.0);
    }

    @Test
    void aWordCorrectionOnANumericInputIsRefusedAtItsLine() {
        // line 16 of the file: the adjustment's input
        List<String> p = problems("""
                  - input: oven_age
                    kind: addition_if
                    add: {wet: 46.46}
                    levels: [3]
                    clause: "5.3"
                    status: provisional
                    source: gb
                """);
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("limits.yaml:16:").contains("kind addition_if needs a word input"));
    }

    @Test
    void malformedCorrectionsAreEachRefusedWithFileAndLine() {
        List<String> p = problems("""
                  - input: volatile_matter
                    kind: interpolated
                    points: {21: -8.30}
                    levels: [1, 2, 3]
                    clause: "5.3"
                    status: provisional
                    source: gb
                  - input: oven_age
                    kind: bands
                    bands: [{above: 25, add: 5.50}, {above: 15, up_to: 30, add: 2.50}]
                    levels: [1, 3]
                    clause: "5.3"
                    status: provisional
                    source: gb
                  - input: clinker_ratio
                    kind: per_point_away
                    pivot: 75
                    per_point: {1: 1.10, 2: 1.15}
                    factor: 2
                    levels: [1, 2, 3]
                    clause: "5.4"
                    status: provisional
                    source: gbb
                  - input: quenching
                    kind: addition_if
                    add: {humid: 46.46}
                    levels: [3]
                    status: provisional
                    source: gb
                """);
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("limits.yaml:18:").contains("at least two points"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("limits.yaml:25:").contains("overlaps the band above 25"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("limits.yaml:33:").contains("3"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("limits.yaml:34:").contains("'factor' does not go with kind per_point_away"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("limits.yaml:38:").contains("unknown source 'gbb'; did you mean 'gb'?"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("limits.yaml:41:").contains("humid"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("limits.yaml:39:").contains("clause"));
    }
}
