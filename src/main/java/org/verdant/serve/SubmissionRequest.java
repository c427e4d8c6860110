package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.verdant.text.Json;
import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.verdant.app.Request;
import org.verdant.app.Settings;
import org.verdant.text.Text;
import org.verdant.yaml.YamlReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A submission as a request carries it: the body's bytes (YAML or JSON, at most
 * {@link YamlReader#MAX_BYTES}), the file name that problems and the verdict name, and the
 * options. The body is either the submission itself, or a JSON envelope
 * {@code {"submission": "<YAML or JSON text>", "file": …, "edition": …, "table": …, "grading": …, "lang": …}};
 * query parameters of the same names win over the envelope's fields. Nothing here touches a
 * file: the file name is a label, cut to its last path segment.
 */
record SubmissionRequest(byte[] bytes, String file, String edition, String table, String grading, String lang) {
    /** The same limit as the YAML reader's: a body the reader would refuse is refused before it is read. */
    static final int MAX_BYTES = YamlReader.MAX_BYTES;
    /** Not text/plain: a page on any site can send that without asking (a cross-site write). */
    static final Set<String> MEDIA_TYPES = Set.of("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml",
            "application/json");
    /** A body must arrive within this time, however it trickles: a slow client holds a worker no longer. */
    static final long BODY_SECONDS = 20;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "verdant-body-deadline");
        t.setDaemon(true);
        return t;
    });
    /** An escaped UTF-16 surrogate in YAML or JSON text: backslash u with four hex digits, or backslash U with eight (YAML). */
    private static final Pattern ESCAPED_SURROGATE = Pattern.compile("\\\\\\\\|\\\\u([dD][89a-fA-F][0-9a-fA-F]{2})|\\\\U0000([dD][89a-fA-F][0-9a-fA-F]{2})");
    /** The request attribute holding the language its submission problems are written in. */
    static final String PROBLEMS_LANG = "verdant.problems_lang";
    private static final Set<String> ENVELOPE_FIELDS = Set.of("submission", "file", "edition", "table", "grading", "lang");
    private static final int MAX_NAME = 120;
    /** How much of an oversized body is read and dropped before the 413 is sent. */
    private static final long DRAIN_BYTES = 4L * MAX_BYTES;

    Request request() {
        return new Request(file, bytes, new Settings(edition, table, grading, lang));
    }

    static SubmissionRequest read(Context ctx) throws ApiException {
        String mediaType = mediaType(ctx.header("Content-Type"));
        long declared = ctx.req().getContentLengthLong();
        byte[] body;
        ScheduledFuture<?> deadline = WATCHDOG.schedule(() -> hangUp(ctx), BODY_SECONDS, TimeUnit.SECONDS);
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > MAX_BYTES) throw tooLarge(ctx, in);
            body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) throw tooLarge(ctx, in);
        } catch (IOException e) {
            throw ApiException.badRequest("无法读取请求正文：" + e.getMessage(), "cannot read the request body: " + e.getMessage());
        } finally {
            deadline.cancel(false);
        }
        String file = null;
        String edition = null;
        String table = null;
        String grading = null;
        String lang = null;
        boolean json = mediaType.equals("application/json");
        JsonNode envelope = json ? envelope(body) : null;
        if (envelope != null) {
            for (Iterator<String> it = envelope.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!ENVELOPE_FIELDS.contains(name)) {
                    String fields = String.join(", ", ENVELOPE_FIELDS.stream().sorted().toList());
                    throw ApiException.badRequest("请求中有未知字段 '" + clip(name) + "'；请求封装的字段为 " + fields,
                            "unknown field '" + clip(name) + "' in the request; an envelope has " + fields);
                }
            }
            String submission = text(envelope, "submission");
            for (Iterator<String> it = envelope.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (envelope.get(field).isTextual()) refuseLoneSurrogates(envelope.get(field).asText(), field, fileName(optionalText(envelope, "file"), "submission.yaml"));
            }
            body = submission.getBytes(StandardCharsets.UTF_8);
            file = optionalText(envelope, "file");
            edition = optionalText(envelope, "edition");
            table = optionalText(envelope, "table");
            grading = optionalText(envelope, "grading");
            lang = optionalText(envelope, "lang");
        }
        file = first(ctx.queryParam("file"), file);
        edition = first(ctx.queryParam("edition"), edition);
        table = first(ctx.queryParam("table"), table);
        grading = first(ctx.queryParam("grading"), grading);
        lang = first(ctx.queryParam("lang"), lang);
        if (lang != null && !lang.isBlank()) ctx.attribute(PROBLEMS_LANG, lang(lang)); // a stated language answers the submission's problems; else Accept-Language
        String name = fileName(file, json && envelope == null ? "submission.json" : "submission.yaml");
        refuseEscapedSurrogates(new String(body, StandardCharsets.UTF_8), name);
        return new SubmissionRequest(body, name, limited("edition", edition), limited("table", table), limited("grading", grading), lang(lang));
    }

    /** A body still arriving after {@link #BODY_SECONDS}: the connection is closed under the reader, which then fails. */
    private static void hangUp(Context ctx) {
        try {
            ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection().getEndPoint().close();
        } catch (RuntimeException e) {
            // the request has finished meanwhile: nothing to close
        }
    }

    /** A string that holds half of a UTF-16 pair cannot be stored as text (UTF-8 would write '?'): refused where it stands. */
    private static void refuseLoneSurrogates(String text, String field, String file) throws ApiException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw loneSurrogate(field.equals("submission") ? at(file, text, i) : "'" + field + "'", c);
            }
        }
    }

    /** The same for a surrogate written as an escape in the YAML or JSON text, which its reader would decode into one. */
    private static void refuseEscapedSurrogates(String text, String file) throws ApiException {
        Matcher m = ESCAPED_SURROGATE.matcher(text);
        int pairedUntil = -1;
        while (m.find()) {
            String hex = m.group(1) != null ? m.group(1) : m.group(2);
            if (hex == null || m.start() < pairedUntil) continue; // an escaped backslash, or the low half of a pair
            char c = (char) Integer.parseInt(hex, 16);
            if (Character.isHighSurrogate(c)) {
                Matcher next = ESCAPED_SURROGATE.matcher(text).region(m.end(), text.length());
                if (next.lookingAt()) {
                    String low = next.group(1) != null ? next.group(1) : next.group(2);
                    if (low != null && Character.isLowSurrogate((char) Integer.parseInt(low, 16))) {
                        pairedUntil = next.end();
                        continue;
                    }
                }
            }
            throw loneSurrogate(at(file, text, m.start()), c);
        }
    }

    private static String at(String file, String text, int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return file + ":" + line + ":" + column;
    }

    private static ApiException loneSurrogate(String where, char c) {
        String code = String.format("U+%04X", (int) c);
        return new ApiException(422, "lone_surrogate", new Text(where + "：孤立的 UTF-16 代理码元 " + code
                + "（lone surrogate），不是有效的文本；请改正这个字符",
                where + ": a lone UTF-16 surrogate " + code + " is not valid text; correct this character"));
    }

    /** The media type without parameters, lower case; 415 unless it is one a submission comes in (UTF-8 only). */
    static String mediaType(String header) throws ApiException {
        if (header == null || header.isBlank()) {
            throw unsupported("没有 Content-Type：请以 application/yaml、text/yaml 或 application/json 发送申报材料",
                    "no Content-Type: send the submission as application/yaml, text/yaml or application/json");
        }
        String[] parts = header.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!MEDIA_TYPES.contains(type)) {
            throw unsupported("不接受 Content-Type " + clip(type) + "：请以 application/yaml、text/yaml 或 application/json 发送申报材料",
                    "Content-Type " + clip(type) + " is not accepted: send the submission as application/yaml, text/yaml "
                    + "or application/json");
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=")) {
                String cs = p.substring("charset=".length()).replace("\"", "").strip();
                if (!cs.equals("utf-8") && !cs.equals("utf8")) {
                    throw unsupported("不接受字符集 " + clip(cs) + "：申报材料须为 UTF-8", "charset " + clip(cs) + " is not accepted: a submission is UTF-8");
                }
            }
        }
        return type;
    }

    /** "zh" (the default) or "en". */
    static String lang(String lang) throws ApiException {
        if (lang == null || lang.isBlank()) return "zh";
        if (lang.equals("zh") || lang.equals("en")) return lang;
        throw ApiException.badRequest("lang：Verdant 不使用语言 '" + clip(lang) + "'；请用 zh 或 en",
                "lang: '" + clip(lang) + "' is not a language Verdant writes; use zh or en");
    }

    /** The last path segment of a client's file name, without control characters; the default when none is left. */
    static String fileName(String given, String fallback) {
        if (given == null) return fallback;
        String s = given.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1);
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(c -> !Character.isISOControl(c) && c != '\u2028' && c != '\u2029').forEach(b::appendCodePoint);
        String name = b.toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) return fallback;
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    /** The body as a JSON envelope, or null when it is not one (a submission written as JSON, or not JSON at all). */
    private static JsonNode envelope(byte[] body) {
        try {
            JsonNode n = Json.READER.readTree(body);
            return n != null && n.isObject() && n.has("submission") ? n : null;
        } catch (IOException e) {
            return null; // not JSON: the YAML reader reports where
        }
    }

    private static String text(JsonNode envelope, String field) throws ApiException {
        JsonNode n = envelope.get(field);
        if (n == null || !n.isTextual()) {
            throw ApiException.badRequest("'" + field + "' 须为字符串：申报材料的文本（YAML 或 JSON）",
                    "'" + field + "' must be a string: the submission's text (YAML or JSON)");
        }
        return n.asText();
    }

    private static String optionalText(JsonNode envelope, String field) throws ApiException {
        JsonNode n = envelope.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw ApiException.badRequest("'" + field + "' 须为字符串", "'" + field + "' must be a string");
        return n.asText();
    }

    private static String limited(String what, String value) throws ApiException {
        if (value == null || value.isBlank()) return null;
        if (value.length() > 200) throw ApiException.badRequest(what + "：过长", what + ": too long");
        return value;
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /**
     * A body over the limit: refused without keeping it. What the client is still sending is read
     * and dropped (up to {@link #DRAIN_BYTES}) so that a client that reads the answer only after
     * sending everything gets it, and the connection is closed after the answer.
     */
    private static ApiException tooLarge(Context ctx, InputStream in) {
        try {
            long left = DRAIN_BYTES;
            byte[] sink = new byte[64 * 1024];
            int n;
            while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) left -= n;
        } catch (IOException e) {
            // the client gave up: nothing to drain
        }
        ctx.header("Connection", "close");
        return tooLarge();
    }

    /** 413: the body is over the limit. */
    static ApiException tooLarge() {
        return new ApiException(413, "too_large", new Text("请求正文超过 " + MAX_BYTES + " 字节（2 MiB），即申报材料的上限",
                "the request body is larger than " + MAX_BYTES + " bytes (2 MiB), the limit for a submission"));
    }

    private static ApiException unsupported(String zh, String en) {
        return new ApiException(415, "unsupported_media_type", new Text(zh, en));
    }
}
