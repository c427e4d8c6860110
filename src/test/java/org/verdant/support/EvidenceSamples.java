package org.verdant.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The evidence the CLI and the API tests cite: the fixture whose business licence line they
 * replace by a digest, the smallest PDF the archive keeps, a site-visit record, and an evaluator's
 * assessment accepting B1 on the strength of one file.
 */
public final class EvidenceSamples {
    public static final Path FACTORY = Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml");
    public static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] VISIT = "%PDF-1.4\n现场核查记录\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    /** The line of {@link #FACTORY} that names the business licence in words. */
    private static final String LICENCE_LINE = "      - 营业执照 (统一社会信用代码 91321183788362137D)\n";

    private EvidenceSamples() {
    }

    /** {@link #FACTORY} with its business licence cited by {@code digest} instead of in words. */
    public static String citing(String digest) {
        String yaml;
        try {
            yaml = Files.readString(FACTORY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!yaml.contains(LICENCE_LINE)) throw new AssertionError(FACTORY + " no longer names the business licence on a line of its own");
        return yaml.replace(LICENCE_LINE, "      - {document: 营业执照, sha256: \"" + digest + "\"}\n");
    }

    /** An assessment accepting B1 on the strength of {@code digest}, which stands on line 7. */
    public static String acceptingB1(String digest) {
        return """
                format: verdant.assessment/1
                evaluator: {organisation: 江苏省节能技术服务中心, lead: 陈思远}
                date: 2024-07-20
                criteria:
                  B1:
                    accepted: true
                    evidence: [%s]
                """.formatted(digest);
    }
}
