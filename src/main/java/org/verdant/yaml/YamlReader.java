package org.verdant.yaml;

import org.verdant.text.Location;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
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
    public static final int MAX_LINE = 100_000;
    public static final int MAX_KEY = 1_000;

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

    /** One factory for every read: it is thread-safe once built, and building one per file cost more than small files take to parse. */
    private static final YAMLFactory FACTORY = factory();

    private static YAMLFactory factory() {
        LoaderOptions loader = new LoaderOptions();
        loader.setAllowDuplicateKeys(true); // reported by us, with both locations
        loader.setMaxAliasesForCollections(10);
        loader.setNestingDepthLimit(MAX_DEPTH + 5);
        loader.setCodePointLimit(MAX_BYTES);
        return YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(MAX_STRING * 4)
                        .maxNestingDepth(MAX_DEPTH + 5)
                        .maxNumberLength(100)
                        .build())
                .build();
    }

    private YamlNode parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            // The caller may have read only MAX_BYTES + 1 bytes of a larger file: do not state a size.
            problems.say(Location.unknown(file), "", "problem.yaml.too_large", MAX_BYTES);
            return null;
        }
        if (!isText(bytes)) return null;
        String text = decode(bytes);
        if (text == null) return null;
        if (text.isBlank()) {
            problems.say(new Location(file, 1, 1), "", "problem.yaml.empty_file");
            return null;
        }
        if (!scan(text)) return null;
        text = flowTabsToSpaces(text);
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.say(new Location(file, 1, 1), "", "problem.yaml.no_document");
                return null;
            }
            YamlNode root = node(parser, "", 1);
            if (root == null) return null;
            if (parser.nextToken() != null) {
                problems.say(location(parser.currentTokenLocation()), "", "problem.yaml.several_documents");
                return null;
            }
            if (root instanceof YamlNode.Scalar s && s.type().equals("string") && s.text().isEmpty()) {
                problems.say(s.location(), "", "problem.yaml.empty_document");
                return null;
            }
            return root;
        } catch (Abandon e) {
            return null;
        } catch (StreamConstraintsException e) {
            // A backstop: our own limits (depth, text length) are checked first and say more.
            problems.say(location(e.getLocation()), "", "problem.yaml.reading_limit", cleanMessage(
                    e.getOriginalMessage().replaceAll(",\\s*from `[^`]*`", "")));
            return null;
        } catch (JsonProcessingException e) {
            Location at = location(e.getLocation());
            String message = e.getOriginalMessage();
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                    at = new Location(file, marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1);
                    message = marked.getProblem();
                }
            }
            boolean keyTrouble = message != null && (message.contains("could not find expected ':'") || message.contains("mapping values are not allowed here"));
            Location longKey = keyTrouble ? longKey(text, at.line()) : null;
            if (longKey != null) {
                // SnakeYAML gives up on a plain key past 1 024 characters; say what the user wrote, not a syntax error
                problems.say(longKey, "", "problem.yaml.long_key", keyLength(text, longKey), MAX_KEY);
                return null;
            }
            problems.say(at, "", "problem.yaml.invalid", explain(message));
            return null;
        } catch (IOException e) {
            problems.say(Location.unknown(file), "", "problem.yaml.cannot_read", e.getMessage());
            return null;
        }
    }

    /** Thrown once a limit is passed: what follows cannot be read sensibly, so reading stops. */
    private static final class Abandon extends RuntimeException {
        Abandon() {
            super(null, null, false, false);
        }
    }

    /** Refuses UTF-16/32 files and binary files before trying to decode them as UTF-8. */
    private boolean isText(byte[] b) {
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
            problems.say(new Location(file, 1, 1), "", "problem.yaml.utf32");
            return false;
        }
        if (startsWith(b, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE)) {
            problems.say(new Location(file, 1, 1), "", "problem.yaml.utf16");
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                problems.say(at(b, i), "", "problem.yaml.binary", i);
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }

    private String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) r = decoder.flush(out);
        if (r.isError()) {
            int offset = in.position(); // the decoder stops at the first byte it cannot decode
            problems.say(at(bytes, offset), "", "problem.yaml.not_utf8", offset);
            return null;
        }
        String text = out.flip().toString();
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return text;
    }

    /** The line and column of a byte offset, counting columns in characters. */
    private Location at(byte[] bytes, int offset) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
                col = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        return new Location(file, line, col);
    }

    /**
     * Refuses characters YAML does not allow (control characters), located exactly, and lines
     * longer than {@link #MAX_LINE}: the YAML scanner re-copies its buffer while it looks for the
     * end of a token or comment, so one very long line costs time that grows with the square of
     * its length.
     */
    private boolean scan(String text) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i == text.length() ? '\n' : text.charAt(i);
            if (lineBreak(text, i, c)) {
                int length = i - start;
                if (length > MAX_LINE) {
                    problems.say(new Location(file, line, 1), "", "problem.yaml.long_line", length, MAX_LINE);
                    return false;
                }
                line++;
                start = i + 1;
            } else if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
                // SnakeYAML (YAML 1.1) counts these as line breaks, editors mostly do not: refused
                // rather than read with a line count that no longer matches what the reader sees.
                problems.say(new Location(file, line, text.codePointCount(start, i) + 1), "",
                        "problem.yaml.line_separator", String.format("U+%04X", (int) c));
                return false;
            } else if (!printable(c) && c != '\r') {
                problems.say(new Location(file, line, text.codePointCount(start, i) + 1), "",
                        "problem.yaml.control_character", String.format("U+%04X", (int) c));
                return false;
            }
        }
        return true;
    }

    /** A line break: LF, or CR not followed by LF. */
    private static boolean lineBreak(String text, int i, char c) {
        return c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
    }

    /** YAML 1.1/1.2's printable set, as SnakeYAML checks it (surrogates come in valid pairs from UTF-8). */
    private static boolean printable(char c) {
        return c == '\t' || c == '\r' || (c >= 0x20 && c <= 0x7E) || c == 0x85 || (c >= 0xA0 && c <= 0xFFFD && c != 0xFFFE);
    }

    /**
     * A document that is one flow collection (JSON, or YAML written like it) may use tabs as
     * whitespace, as JSON pretty-printers do; SnakeYAML refuses them. Outside quoted text such a
     * tab means what a space means, so it becomes one (columns are unchanged). Block documents are
     * left alone: there a tab may be text inside a literal block, and tab indentation is refused.
     */
    static String flowTabsToSpaces(String text) {
        if (text.indexOf('\t') < 0 || !startsWithFlowCollection(text)) return text;
        char[] c = text.toCharArray();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < c.length; i++) {
            char x = c[i];
            if (quote == '"') {
                if (x == '\\') i++;
                else if (x == '"') quote = 0;
            } else if (quote == '\'') {
                if (x == '\'' && i + 1 < c.length && c[i + 1] == '\'') i++;
                else if (x == '\'') quote = 0;
            } else if ((x == '"' || x == '\'') && tokenStart(c, i)) {
                quote = x;
            } else if (x == '#' && (i == 0 || c[i - 1] == ' ' || c[i - 1] == '\t' || c[i - 1] == '\n' || c[i - 1] == '\r')) {
                while (i + 1 < c.length && c[i + 1] != '\n' && c[i + 1] != '\r') i++;
            } else if (x == '{' || x == '[') {
                depth++;
            } else if (x == '}' || x == ']') {
                depth--;
            } else if (x == '\t' && depth > 0) {
                c[i] = ' ';
            }
        }
        return new String(c);
    }

    private static boolean tokenStart(char[] c, int i) {
        if (i == 0) return true;
        char p = c[i - 1];
        return p == ' ' || p == '\t' || p == '\n' || p == '\r' || p == '{' || p == '[' || p == ',' || p == ':';
    }

    /** Whether the first thing in the text, past blank lines, comments and directives, is '{' or '['. */
    private static boolean startsWithFlowCollection(String text) {
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("%")) continue;
            if (t.equals("---")) continue;
            if (t.startsWith("--- ")) t = t.substring(4).strip();
            return t.startsWith("{") || t.startsWith("[");
        }
        return false;
    }

    /** Where a key longer than {@link #MAX_KEY} starts, on the line a parser error names or the line before it; null when there is none. */
    private Location longKey(String text, int line) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int l = Math.min(line, lines.length); l >= Math.max(1, line - 1); l--) {
            String t = lines[l - 1];
            int start = 0;
            while (start < t.length() && (t.charAt(start) == ' ' || t.charAt(start) == '-')) start++;
            int colon = t.indexOf(": ", start);
            if (colon < 0 && t.endsWith(":")) colon = t.length() - 1;
            if (colon - start > MAX_KEY) return new Location(file, l, start + 1);
        }
        return null;
    }

    private static int keyLength(String text, Location at) {
        String t = text.split("\r\n|\r|\n", -1)[at.line() - 1];
        int colon = t.indexOf(": ", at.column() - 1);
        return (colon < 0 ? t.length() - 1 : colon) - (at.column() - 1);
    }

    /** SnakeYAML's message, with a hint where it names a cause a person can act on. */
    private static Object explain(String message) {
        String m = cleanMessage(message);
        if (m.contains("\t") || m.contains("(TAB)")) return Msg.of("problem.yaml.tab");
        if (m.startsWith("Expected a field name")) return Msg.of("problem.yaml.key_not_text");
        // the common mistakes said in Chinese; SnakeYAML's own words stay, quoted, as the detail (and are the English text)
        if (m.contains("expected ',' or ']'") || m.contains("expected ',' or '}'")) return Msg.of("problem.yaml.parser.unclosed_flow", m);
        if (m.contains("while scanning a quoted scalar") || m.contains("found unexpected end of stream")) return Msg.of("problem.yaml.parser.unclosed_quote", m);
        if (m.contains("mapping values are not allowed here")) return Msg.of("problem.yaml.parser.colon", m);
        if (m.contains("expected <block end>") || m.contains("did not find expected key") || m.contains("did not find expected '-'"))
            return Msg.of("problem.yaml.parser.indentation", m);
        if (m.contains("could not find expected ':'")) return Msg.of("problem.yaml.parser.missing_colon", m);
        if (m.contains("cannot start any token")) return Msg.of("problem.yaml.parser.bad_start", m);
        if (m.contains("end of the stream") || m.contains("<stream end>")) return Msg.of("problem.yaml.parser.unexpected_end", m);
        return Msg.of("problem.yaml.parser.other", m);
    }

    private YamlNode node(JsonParser p, String path, int depth) throws IOException {
        Location loc = location(p.currentTokenLocation());
        if (depth > MAX_DEPTH) {
            problems.say(loc, path, "problem.yaml.too_deep", MAX_DEPTH);
            throw new Abandon();
        }
        JsonToken t = p.currentToken();
        if (((YAMLParser) p).isCurrentAlias()) {
            problems.say(loc, path, "problem.yaml.alias", "*" + p.getText());
            return new YamlNode.Scalar(loc, path, "", "null");
        }
        String tag = ((YAMLParser) p).getTypeId();
        if (tag != null) {
            String shown = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length()) : "!" + tag;
            // Reported, then read as if untagged so that the value's own problems are reported too.
            problems.say(loc, path, "problem.yaml.tag", shown);
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Location keyLoc = location(p.currentTokenLocation());
                    if (key.length() > MAX_KEY) {
                        problems.say(keyLoc, path, "problem.yaml.long_key", key.length(), MAX_KEY);
                        key = key.substring(0, 40) + "…";
                    }
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    p.nextToken();
                    YamlNode value = node(p, childPath, depth + 1);
                    if (entries.containsKey(key)) {
                        problems.say(keyLoc, childPath, "problem.yaml.duplicate_key", entries.get(key).keyLocation().line());
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
                    problems.say(loc, path, "problem.yaml.long_text", text.length(), MAX_STRING);
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
