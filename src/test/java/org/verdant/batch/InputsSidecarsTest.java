package org.verdant.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A directory's fixture sidecars (fixtures/README.md) are not submissions: skipped and counted; a file named as an argument is always read. */
class InputsSidecarsTest {
    @TempDir
    Path tmp;

    private static List<String> read(Inputs inputs) {
        List<String> names = new ArrayList<>();
        inputs.forEachRemaining(i -> names.add(Path.of(i.input()).getFileName().toString()));
        return names;
    }

    private static Inputs of(Path... arguments) {
        return new Inputs(java.util.Arrays.stream(arguments).map(Path::toString).toList(), 1 << 20, () -> new ByteArrayInputStream(new byte[0]));
    }

    private void touch(Path dir, String... names) throws IOException {
        Files.createDirectories(dir);
        for (String n : names) Files.writeString(dir.resolve(n), "scheme: green-factory\n");
    }

    @Test
    void expectationsSnapshotsAndAssessmentsBesideTheirSubmissionAreSkippedAndCounted() throws IOException {
        touch(tmp, "a.yaml", "a.expect.yaml", "a.expected.json", "a.assessed.args", "a.assessed.expect.yaml", "a.assessed.expected.json",
                "a.assessed.assessment.yaml", "b.yaml", "notes.md");
        touch(tmp.resolve("invalid"), "bad.yaml", "bad.expected.txt");
        Inputs inputs = of(tmp);
        assertThat(read(inputs)).containsExactly("a.yaml", "b.yaml", "bad.yaml"); // an invalid fixture is a submission: its error record is wanted
        assertThat(inputs.skippedSidecars()).isEqualTo(5);
        assertThat(Inputs.totalBytes(List.of(tmp.toString()))).as("the progress counts what is read").isEqualTo(3L * "scheme: green-factory\n".length());
    }

    @Test
    void aFileNamedLikeASidecarWithoutItsSubmissionIsRead() throws IOException {
        touch(tmp, "results.expected.json", "plant.v2.expect.yaml", "x.yaml.expect.yaml");
        Inputs inputs = of(tmp);
        assertThat(read(inputs)).containsExactly("plant.v2.expect.yaml", "results.expected.json", "x.yaml.expect.yaml");
        assertThat(inputs.skippedSidecars()).isZero();
    }

    @Test
    void aSidecarNamedOnTheCommandLineIsRead() throws IOException {
        touch(tmp, "a.yaml", "a.expect.yaml");
        Inputs inputs = of(tmp.resolve("a.expect.yaml"), tmp.resolve("a.yaml"));
        assertThat(read(inputs)).containsExactly("a.expect.yaml", "a.yaml");
        assertThat(inputs.skippedSidecars()).isZero();
    }

    @Test
    void theInputsDigestOfAResumeSkipsTheSameFiles() throws IOException {
        touch(tmp, "a.yaml", "b.yaml");
        String before = PartialResults.inputsDigest(List.of(tmp.toString()), 1 << 20);
        touch(tmp, "a.expect.yaml", "a.expected.json");
        assertThat(PartialResults.inputsDigest(List.of(tmp.toString()), 1 << 20)).isEqualTo(before);
    }
}
