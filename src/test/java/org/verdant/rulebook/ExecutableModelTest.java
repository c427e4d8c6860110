package org.verdant.rulebook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.evaluation.Evaluator;
import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.text.Messages;
import org.verdant.verdict.VerdictJson;

import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executable model generated from the bundled GB/T 36132-2018 rules gives the same verdict as
 * the DRL for every fixture valid under it, and is never used for rule files it was not generated
 * from (an edited rule takes effect at once, compiled from DRL).
 */
class ExecutableModelTest {
    @TempDir
    Path out;

    /** Every combination of overlays an evaluation date can select gets a model, not only "all of them". */
    @Test
    void everyEditionIsGeneratedWithAndWithoutItsOverlays() throws Exception {
        Rulebook rulebook = RulebookLoader.load(Path.of("rules"), Path.of("scorecards"));
        Scorecard edition = rulebook.scorecard("green-factory", "GB/T 36132-2018").orElseThrow();
        assertThat(rulebook.overlays(edition.scheme(), null)).as("the bundled rulebook has a dated overlay").isNotEmpty();
        List<List<SourceFile>> sets = ModelGenerator.ruleSets(rulebook);
        assertThat(sets).as("before the overlay's date").contains(rulebook.rulesFor(edition));
        assertThat(sets).as("on or after it").contains(rulebook.rulesFor(edition.withOverlays(rulebook.overlays(edition.scheme(), null))));
    }

    @Test
    void theModelGivesTheDrlsVerdictsAndOnlyForItsOwnRuleFiles() throws Exception {
        Rulebook rulebook = RulebookLoader.load(Path.of("rules"), Path.of("scorecards"));
        Scorecard edition = rulebook.scorecard("green-factory", "GB/T 36132-2018").orElseThrow();
        Scorecard evaluated = edition.withOverlays(rulebook.overlays(edition.scheme(), null));
        List<SourceFile> files = rulebook.rulesFor(evaluated);
        assertThat(ModelGenerator.ruleSets(rulebook)).as("the build generates this edition's rule set").contains(files);
        assertThat(ModelGenerator.generate(files, out)).as("classes written").isGreaterThan(50);

        // resources from the generated folder alone (target/classes may hold a build's models too); classes from the tests' loader
        try (URLClassLoader jar = new URLClassLoader(new java.net.URL[] {out.toUri().toURL()}, getClass().getClassLoader()) {
            @Override
            public java.net.URL getResource(String name) {
                return findResource(name);
            }
        }) {
            assertThat(ExecutableModel.load(files, jar)).as("the model of exactly these files").isNotNull();
            CompiledRulebook withModel = new CompiledRulebook(rulebook, null, jar);
            assertThat(withModel.kieBase(evaluated).getClass().getName()).as("built from the model, not DRL")
                    .isEqualTo(ExecutableModel.load(files, jar).getClass().getName());
            Evaluator model = new Evaluator(withModel);
            Evaluator drl = new Evaluator(new CompiledRulebook(rulebook, null, null));
            List<String> compared = new ArrayList<>();
            List<Path> fixtures;
            try (Stream<Path> walk = Files.walk(Path.of("fixtures"))) {
                fixtures = walk.filter(p -> org.verdant.coverage.Fixture.isSubmission(p) && !p.toString().contains("invalid")).sorted().toList();
            }
            Evaluator.Options options = new Evaluator.Options("GB/T 36132-2018", "none");
            for (Path f : fixtures) {
                byte[] bytes = Files.readAllBytes(f);
                String expected;
                try {
                    expected = json(drl, f, bytes, options);
                } catch (InvalidSubmissionException e) {
                    continue; // another scheme, or not valid under this edition
                }
                assertThat(json(model, f, bytes, options)).as(f.toString()).isEqualTo(expected);
                compared.add(f.toString());
            }
            assertThat(compared).hasSizeGreaterThan(8);

            // one edited rule file: another digest, no model, the DRL compiled
            List<SourceFile> edited = new ArrayList<>(files);
            SourceFile first = edited.get(0);
            edited.set(0, new SourceFile(first.logicalPath(), first.displayPath(),
                    (new String(first.bytes(), StandardCharsets.UTF_8) + "\n// an edit\n").getBytes(StandardCharsets.UTF_8)));
            assertThat(ExecutableModel.key(edited)).isNotEqualTo(ExecutableModel.key(files));
            assertThat(ExecutableModel.load(edited, jar)).as("never used for other rule files").isNull();

            // a folder whose list of models is missing (an interrupted build) is not loaded
            Files.delete(out.resolve(ExecutableModel.ROOT + ExecutableModel.key(files)).resolve(ExecutableModel.MODELS));
            assertThat(ExecutableModel.load(files, jar)).isNull();
        }
    }

    @Test
    void noModelOutsideAJarOrWhenTurnedOff() {
        // the tests run from target/classes, which may hold models older than the code
        assertThat(ExecutableModel.enabled()).isFalse();
    }

    private static String json(Evaluator evaluator, Path f, byte[] bytes, Evaluator.Options options) throws Exception {
        return VerdictJson.write(evaluator.evaluate(f.toString(), bytes, options), new Messages("en"));
    }
}
