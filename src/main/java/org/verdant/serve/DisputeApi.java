package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.verdant.app.Application;
import org.verdant.app.Disputes;
import org.verdant.archive.Archive;
import org.verdant.dispute.Dispute;
import org.verdant.dispute.Objection;
import org.verdant.dispute.Ruling;
import org.verdant.report.document.ReportFormat;
import org.verdant.text.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The dispute routes (docs/disputes.md): file an objection against a stored evaluation, read a
 * dispute, rule on it, read its report. Who may do what is {@link org.verdant.access.Access}'s to
 * say, for the actor {@link Actors} names; a refusal is the FORBIDDEN fault (403).
 *
 * <pre>
 * POST /api/evaluations/{id}/objections   {"criteria": [...], "reason": "...", "evidence": [...], "corrected": "YAML", "corrected_file": "NAME"}
 * GET  /api/disputes/{n}                  verdant.dispute/1
 * POST /api/disputes/{n}/ruling           {"ruling": "upheld|partly|rejected", "reason": "..."}
 * GET  /api/disputes/{n}/report           ?format=html|md&amp;lang=zh|en
 * </pre>
 */
final class DisputeApi {
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    /** Disputes are rare; one at a time keeps a filing's two re-evaluations from crowding out other work. */
    private final Object filing = new Object();
    private final Api api;
    private final Disputes disputes;
    private final AccessLog log;

    DisputeApi(Api api, Application application, Archive archive, AccessLog log) {
        this.api = api;
        this.disputes = new Disputes(application, archive);
        this.log = log;
    }

    /** POST /api/evaluations/{id}/objections: 201 with the dispute, its re-evaluations done. */
    void file(Context ctx) throws Exception {
        api.authorize(ctx);
        long id = number(ctx.pathParam("id"), "记录", "record");
        JsonNode body = body(ctx);
        List<String> criteria = strings(body, "criteria");
        String corrected = optional(body, "corrected");
        Objection o = new Objection(criteria, optional(body, "reason") == null ? "" : optional(body, "reason"), strings(body, "evidence"),
                corrected == null ? null : SubmissionRequest.fileName(optional(body, "corrected_file"), "corrected.yaml"),
                corrected == null ? null : corrected.getBytes(StandardCharsets.UTF_8));
        Dispute d;
        synchronized (filing) {
            d = log.denied(ctx, "OBJECT", () -> disputes.file(Actors.of(ctx), id, o, ServeLang.of(ctx))); // problems answered in this language
        }
        logged(ctx, "OBJECT", d);
        ctx.header("Location", "/api/disputes/" + d.id());
        Api.json(ctx, 201, disputes.render(d, true, "zh"));
    }

    /** GET /api/disputes/{n}. */
    void show(Context ctx) throws Exception {
        long n = number(ctx.pathParam("n"), "异议", "dispute");
        Dispute d = log.denied(ctx, "READ", () -> disputes.show(Actors.of(ctx), n));
        logged(ctx, "READ", d);
        Api.json(ctx, 200, disputes.render(d, true, "zh"));
    }

    /** POST /api/disputes/{n}/ruling: 201 with the dispute, ruled. */
    void rule(Context ctx) throws Exception {
        api.authorize(ctx);
        long n = number(ctx.pathParam("n"), "异议", "dispute");
        JsonNode body = body(ctx);
        String word = optional(body, "ruling");
        Ruling ruling = Ruling.of(word == null ? "" : word).orElseThrow(() -> ApiException.badRequest(
                "ruling：upheld（异议成立）、partly（部分成立）或 rejected（不成立）", "ruling: upheld, partly or rejected"));
        String reason = optional(body, "reason");
        Dispute d = log.denied(ctx, "RULE", () -> disputes.rule(Actors.of(ctx), n, ruling, reason));
        logged(ctx, "RULE", d);
        Api.json(ctx, 201, disputes.render(d, true, "zh"));
    }

    /** GET /api/disputes/{n}/report?format=html|md&amp;lang=. */
    void report(Context ctx) throws Exception {
        long n = number(ctx.pathParam("n"), "异议", "dispute");
        String f = ctx.queryParam("format");
        ReportFormat format;
        if (f == null || f.equals("html")) format = ReportFormat.html;
        else if (f.equals("md")) format = ReportFormat.md;
        else throw ApiException.badRequest("format：html 或 md", "format: html or md");
        String lang = SubmissionRequest.lang(ctx.queryParam("lang"));
        String text = log.denied(ctx, "READ", () -> disputes.report(Actors.of(ctx), n, format, lang));
        logged(ctx, "READ", disputes.show(Actors.of(ctx), n));
        if (format == ReportFormat.html) {
            ctx.header("Content-Security-Policy", Api.REPORT_CSP);
            ctx.status(200).contentType(Api.HTML).result(text);
        } else {
            ctx.status(200).contentType("text/markdown; charset=utf-8").result(text);
        }
    }

    /** A dispute read or written: the record disputed and its facility. */
    private void logged(Context ctx, String action, Dispute d) {
        log.write(ctx, action, d.original().entry().id(), d.creditCode(), "ok");
    }

    private static long number(String s, String zh, String en) throws ApiException {
        if (s == null || !ID.matcher(s).matches()) {
            String shown = Api.clip(String.valueOf(s));
            throw ApiException.notFound("没有" + zh + " '" + shown + "'（编号为 1、2、3……）", "no " + en + " '" + shown + "' (numbers are 1, 2, 3, …)");
        }
        return Long.parseLong(s);
    }

    private static JsonNode body(Context ctx) throws ApiException {
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes(SubmissionRequest.MAX_BYTES + 1);
        } catch (IOException e) {
            throw ApiException.badRequest("无法读取请求正文：" + e.getMessage(), "cannot read the request body: " + e.getMessage());
        }
        if (bytes.length > SubmissionRequest.MAX_BYTES) throw SubmissionRequest.tooLarge();
        try {
            JsonNode n = Json.READER.readTree(bytes);
            if (n != null && n.isObject()) return n;
        } catch (IOException e) {
            // answered below
        }
        throw ApiException.badRequest("请求正文须为 JSON 对象", "the request body must be a JSON object");
    }

    private static String optional(JsonNode body, String field) throws ApiException {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw ApiException.badRequest(field + "：应为文本", field + ": must be text");
        return v.asText();
    }

    private static List<String> strings(JsonNode body, String field) throws ApiException {
        JsonNode v = body.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (v.isTextual()) {
            for (String s : v.asText().split(",")) if (!s.isBlank()) out.add(s.strip());
            return out;
        }
        if (!v.isArray()) throw ApiException.badRequest(field + "：应为文本列表", field + ": must be a list of text");
        for (JsonNode x : v) {
            if (!x.isTextual()) throw ApiException.badRequest(field + "：应为文本列表", field + ": must be a list of text");
            if (!x.asText().isBlank()) out.add(x.asText().strip());
        }
        return out;
    }
}
