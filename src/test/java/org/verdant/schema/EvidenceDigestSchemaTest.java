package org.verdant.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.junit.jupiter.api.Test;

import org.verdant.submission.SubmissionReader;
import org.verdant.yaml.Problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Evidence cited by an uploaded file's digest: the schema and the reader accept and refuse the same items. */
class EvidenceDigestSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchema SUBMISSION = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of(Path.of("schemas", "submission.schema.json").toAbsolutePath().toUri().toString()));
    private static final Path FACTORY = Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml");
    private static final String LICENCE = "      - 营业执照 (统一社会信用代码 91321183788362137D)\n";
    private static final String HEX = "0123456789abcdef".repeat(4);

    private static String citing(String item) throws IOException {
        String text = Files.readString(FACTORY, StandardCharsets.UTF_8);
        assertThat(text).contains(LICENCE);
        return text.replace(LICENCE, "      - " + item + "\n");
    }

    private static List<String> reader(String text) {
        Problems p = new Problems();
        SubmissionReader.read("f.yaml", text.getBytes(StandardCharsets.UTF_8), p);
        return p.sorted().stream().map(Object::toString).toList();
    }

    private static Set<String> schema(String text) throws IOException {
        return SUBMISSION.validate(YAML.readTree(text)).stream().map(ValidationMessage::toString).collect(Collectors.toSet());
    }

    @Test
    void aDigestWithOrWithoutANameAndWithOrWithoutItsPrefixIsEvidence() throws IOException {
        for (String item : List.of("{document: 营业执照, sha256: " + HEX + "}", "{sha256: " + HEX + "}", "{sha256: \"sha256:" + HEX + "\"}")) {
            String text = citing(item);
            assertThat(reader(text)).as(item).isEmpty();
            assertThat(schema(text)).as(item).isEmpty();
        }
    }

    @Test
    void aMalformedDigestOrAnItemWithNeitherNameNorDigestIsRefusedByBoth() throws IOException {
        String shortDigest = citing("{document: 营业执照, sha256: abc123}");
        assertThat(reader(shortDigest)).anySatisfy(p -> assertThat(p).contains("claims.B1.evidence[0].sha256: 'abc123' is not an evidence file digest"));
        assertThat(schema(shortDigest)).anySatisfy(e -> assertThat(e).contains("sha256"));
        String neither = citing("{date: 2024-01-01}");
        assertThat(reader(neither)).anySatisfy(p -> assertThat(p).contains("claims.B1.evidence[0].document: required field is missing"));
        assertThat(schema(neither)).isNotEmpty();
    }
}
