package org.verdant.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads untrusted YAML into a located tree. Refuses what a hand-written submission never needs
 * and an attacker would use: aliases, duplicate keys, huge files, deep nesting, long strings.
 * Every problem becomes a {@link Problem}; nothing here throws on bad input.
 */
public final class YamlReader {
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_DEPTH = 20;
    public static final int MAX_STRING = 10_000;

    private final String file;
    private final Problems problems;

    private YamlReader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Parses one YAML document; returns null (with problems recorded) when it cannot be read. */
    public static YamlNode read(String file, byte[] bytes, Problems problems) {
        return new YamlReader(file, problems).parse(bytes);
    }

    private YamlNode parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            problems.add(Location.unknown(file), "", "file is " + bytes.length + " bytes; the limit is " + MAX_BYTES);
            return null;
        }
        String text = decode(bytes);
        if (text == null) return null;
        if (text.isBlank()) {
            problems.add(new Location(file, 1, 1), "", "the file is empty");
            return null;
        }
        LoaderOptions loader = new LoaderOptions();
        loader.setAllowDuplicateKeys(true); // reported by us, with both locations
        loader.setMaxAliasesForCollections(10);
        loader.setNestingDepthLimit(MAX_DEPTH + 5);
        loader.setCodePointLimit(MAX_BYTES);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(MAX_STRING * 4)
                        .maxNestingDepth(MAX_DEPTH + 5)
                        .maxNumberLength(100)
                        .build())
                .build();
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new Location(file, 1, 1), "", "the file holds no YAML document");
                return null;
            }
            YamlNode root = node(parser, "", 1);
            if (root == null) return null;
            if (parser.nextToken() != null) {
                problems.add(location(parser.currentTokenLocation()), "",
                        "the file holds more than one YAML document; put one submission in a file");
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            Location at = location(e.getLocation());
            String message = e.getOriginalMessage();
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                    at = new Location(file, marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1);
                    message = marked.getProblem();
                    if (message != null && message.contains("\t")) message += " (use spaces, not tabs, to indent)";
                }
            }
            problems.add(at, "", "not valid YAML: " + cleanMessage(message));
            return null;
        } catch (IOException e) {
            problems.add(Location.unknown(file), "", "cannot read: " + e.getMessage());
            return null;
        }
    }

    private String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            if (text.indexOf('\0') >= 0) {
                problems.add(Location.unknown(file), "", "this is a binary file, not YAML text");
                return null;
            }
            return text;
        } catch (CharacterCodingException e) {
            int offset = firstBadByte(bytes);
            int line = 1;
            int col = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    col = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    col++;
                }
            }
            problems.add(new Location(file, line, col), "", "the file is not valid UTF-8 (byte " + offset + "); save it as UTF-8");
            return null;
        }
    }

    private static int firstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int n = 1; n <= bytes.length; n++) {
            try {
                decoder.reset().decode(ByteBuffer.wrap(bytes, 0, n));
            } catch (CharacterCodingException e) {
                // a truncated multi-byte sequence at the end is not yet an error
                if (n == bytes.length || (bytes[n - 1] & 0x80) == 0) return n - 1;
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, 0, Math.min(bytes.length, n + 3)));
                } catch (CharacterCodingException e2) {
                    return n - 1;
                }
            }
        }
        return 0;
    }

    private YamlNode node(JsonParser p, String path, int depth) throws IOException {
        Location loc = location(p.currentTokenLocation());
        if (depth > MAX_DEPTH) {
            problems.add(loc, path, "nesting deeper than " + MAX_DEPTH + " levels");
            return null;
        }
        JsonToken t = p.currentToken();
        if (((YAMLParser) p).isCurrentAlias()) {
            problems.add(loc, path, "YAML aliases (*" + p.getText() + ") are not accepted; write the value out");
            return new YamlNode.Scalar(loc, path, "", "null");
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Location keyLoc = location(p.currentTokenLocation());
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    p.nextToken();
                    YamlNode value = node(p, childPath, depth + 1);
                    if (entries.containsKey(key)) {
                        problems.add(keyLoc, childPath, "duplicate key (first at line "
                                + entries.get(key).keyLocation().line() + ")");
                        continue;
                    }
                    if (value != null) entries.put(key, new YamlNode.Entry(key, keyLoc, value));
                }
                return new YamlNode.Mapping(loc, path, entries);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    YamlNode item = node(p, path + "[" + i + "]", depth + 1);
                    if (item != null) items.add(item);
                    i++;
                }
                return new YamlNode.Sequence(loc, path, items);
            }
            default -> {
                String text = p.getText();
                if (text != null && text.length() > MAX_STRING) {
                    problems.add(loc, path, "text of " + text.length() + " characters; the limit is " + MAX_STRING);
                    return new YamlNode.Scalar(loc, path, "", "null");
                }
                String type = switch (t) {
                    case VALUE_NUMBER_INT -> "int";
                    case VALUE_NUMBER_FLOAT -> "float";
                    case VALUE_TRUE, VALUE_FALSE -> "bool";
                    case VALUE_NULL -> "null";
                    default -> "string";
                };
                if ("bool".equals(type)) text = t == JsonToken.VALUE_TRUE ? "true" : "false";
                return new YamlNode.Scalar(loc, path, text == null ? "" : text, type);
            }
        }
    }

    private Location location(JsonLocation l) {
        if (l == null) return Location.unknown(file);
        return new Location(file, Math.max(l.getLineNr(), 0), Math.max(l.getColumnNr(), 0));
    }

    private static String cleanMessage(String m) {
        if (m == null) return "unreadable";
        String first = m.strip().split("\n")[0];
        return first.replaceAll("\\s+", " ");
    }
}
