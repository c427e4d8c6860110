package org.verdant.verdict;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streamed verdict writes the rulebook's texts from copies kept encoded
 * ({@link VerdictStream#writeConstant}); they must come out as the generator writes the same text
 * itself, whatever the text holds: quotes, backslashes, control characters, Chinese, characters
 * outside the BMP, in the compact line (UTF-8 bytes) and in the indented text (characters).
 */
class VerdictStreamTextsTest {
    private static final List<String> TEXTS = List.of("", "plain", "GB/T 36132-2018 附录 A", "引号\"与\\反斜杠",
            "tab\tnew line\nreturn\r", "\u0001\u001f\u007f", "€ 𠀋 🌱 (outside the BMP)", "</script>", "'single'", "a\u2028b\u2029c",
            "很长的中文句子".repeat(400));

    @Test
    void aKeptTextIsWrittenAsTheGeneratorWritesItInBothOutputs() throws Exception {
        JsonFactory factory = new JsonFactory();
        for (String text : TEXTS) {
            for (int round = 0; round < 2; round++) { // encoded on first use, then from the copy
                ByteArrayOutputStream plainBytes = new ByteArrayOutputStream();
                ByteArrayOutputStream keptBytes = new ByteArrayOutputStream();
                try (JsonGenerator plain = factory.createGenerator(plainBytes); JsonGenerator kept = factory.createGenerator(keptBytes)) {
                    writeBoth(plain, kept, text);
                }
                assertThat(keptBytes.toString(StandardCharsets.UTF_8)).as(text).isEqualTo(plainBytes.toString(StandardCharsets.UTF_8));
                StringWriter plainChars = new StringWriter();
                StringWriter keptChars = new StringWriter();
                try (JsonGenerator plain = factory.createGenerator(plainChars).useDefaultPrettyPrinter();
                     JsonGenerator kept = factory.createGenerator(keptChars).useDefaultPrettyPrinter()) {
                    writeBoth(plain, kept, text);
                }
                assertThat(keptChars.toString()).as(text).isEqualTo(plainChars.toString());
            }
        }
    }

    private static void writeBoth(JsonGenerator plain, JsonGenerator kept, String text) throws Exception {
        plain.writeStartObject();
        plain.writeStringField("text", text);
        plain.writeArrayFieldStart("list");
        plain.writeString(text);
        plain.writeString(text);
        plain.writeEndArray();
        plain.writeEndObject();
        kept.writeStartObject();
        kept.writeFieldName(new com.fasterxml.jackson.core.io.SerializedString("text"));
        VerdictStream.writeConstant(kept, text);
        kept.writeFieldName(new com.fasterxml.jackson.core.io.SerializedString("list"));
        kept.writeStartArray();
        VerdictStream.writeConstant(kept, text);
        VerdictStream.writeConstant(kept, text);
        kept.writeEndArray();
        kept.writeEndObject();
    }
}
