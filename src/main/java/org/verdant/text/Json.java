package org.verdant.text;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;

/**
 * The JSON set-up every document of Verdant's shares: the canonical pretty writer (indented,
 * decimals written plainly, never 1E+2), its compact twin (one line, for batch output) and a
 * reader that keeps decimals exact, so a figure read back is the figure written.
 */
public final class Json {
    /** Nodes whose decimals keep their scale (90.50 stays 90.50). */
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    /** Indented, plain decimals: every document a person reads. */
    public static final ObjectMapper PRETTY = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    /** The same number format on one line. */
    public static final ObjectMapper COMPACT = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    /** Reads decimals as exact BigDecimals into exact nodes. */
    public static final ObjectMapper READER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(NODES);

    private Json() {
    }

    /** A document in the canonical pretty form, with one final newline. */
    public static String pretty(Object value) {
        try {
            return PRETTY.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A document on one line, without a newline. */
    public static byte[] compact(Object value) {
        try {
            return COMPACT.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A figure rounded to 4 decimals, or null when there is none. */
    public static void putRounded(com.fasterxml.jackson.databind.node.ObjectNode o, String key, Double d) {
        if (d == null) o.putNull(key); else o.put(key, Numbers.round(d, 4));
    }

    public static JsonNode read(String json) throws IOException {
        return READER.readTree(json);
    }

    public static JsonNode read(byte[] json) throws IOException {
        return READER.readTree(json);
    }
}
