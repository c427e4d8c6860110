package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.verdant.app.Application;
import org.verdant.app.Assessments;
import org.verdant.archive.Archive;
import org.verdant.archive.AssessmentRevision;
import org.verdant.text.Json;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * An evaluator's assessment of a stored evaluation over HTTP (docs/assessment.md): give one, read
 * the one in force and those before it. Every assessment given is kept (a new revision, never an
 * overwrite); the answer carries the verdict re-evaluated with it beside the stored one. Who may do
 * what is {@link org.verdant.access.Access}'s to say (in {@link Assessments}); every read and write
 * goes into the access log.
 *
 * <pre>
 * PUT /api/evaluations/{id}/assessment[?file=NAME]   a verdant.assessment/1 document (YAML or JSON) → 201
 * GET /api/evaluations/{id}/assessment               the latest, its re-evaluated verdict, and the history
 * </pre>
 */
final class AssessmentApi {
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    private final Api api;
    private final Assessments assessments;
    private final AccessLog log;

    AssessmentApi(Api api, Application application, Archive archive, AccessLog log) {
        this.api = api;
        this.assessments = new Assessments(application, archive);
        this.log = log;
    }

    /** PUT: 201 with the new revision and its verdict; 422 with located problems for a document that does not read or fit. */
    void put(Context ctx) throws Exception {
        api.authorize(ctx);
        long id = id(ctx.pathParam("id"));
        byte[] bytes = body(ctx);
        String file = SubmissionRequest.fileName(ctx.queryParam("file"), "assessment.yaml");
        Assessments.Assessed a = api.withWork(() -> log.denied(ctx, "ASSESS", () -> assessments.assess(Actors.of(ctx), id, file, bytes)));
        log.write(ctx, "ASSESS", id, a.evaluation().entry().creditCode(), "ok");
        ctx.header("Location", "/api/evaluations/" + id + "/assessment");
        Api.json(ctx, 201, Json.PRETTY.writeValueAsString(render(a)));
    }

    /** GET: 200 (latest null when no assessment was given over the API). */
    void get(Context ctx) throws Exception {
        long id = id(ctx.pathParam("id"));
        Assessments.Assessed a = log.denied(ctx, "READ", () -> assessments.show(Actors.of(ctx), id));
        log.write(ctx, "READ", id, a.evaluation().entry().creditCode(), "ok");
        Api.json(ctx, 200, Json.PRETTY.writeValueAsString(render(a)));
    }

    private static ObjectNode render(Assessments.Assessed a) throws IOException {
        ObjectNode root = Json.NODES.objectNode();
        root.put("format", "verdant.assessments/1");
        root.put("evaluation", a.evaluation().entry().id());
        root.put("credit_code", a.evaluation().entry().creditCode());
        root.set("original", summary(Json.read(a.evaluation().verdictJson())));
        AssessmentRevision latest = a.latest();
        if (latest == null) {
            root.putNull("latest");
        } else {
            ObjectNode l = revision(latest);
            l.put("document", new String(latest.assessment().bytes(), java.nio.charset.StandardCharsets.UTF_8));
            l.set("verdict", Json.read(latest.verdictJson()));
            root.set("latest", l);
        }
        ArrayNode history = root.putArray("history");
        for (AssessmentRevision r : a.revisions()) history.add(revision(r));
        return root;
    }

    private static ObjectNode revision(AssessmentRevision r) throws IOException {
        ObjectNode o = Json.NODES.objectNode();
        o.put("revision", r.revision());
        o.put("recorded_at", r.recordedAt().toString());
        o.put("actor", r.actor());
        o.put("file", r.assessment().file());
        o.put("sha256", r.assessment().sha256());
        o.setAll(summary(Json.read(r.verdictJson())));
        return o;
    }

    /** What a score beside another needs: eligibility, gates, score and grade. */
    private static ObjectNode summary(JsonNode verdict) {
        ObjectNode o = Json.NODES.objectNode();
        for (String f : new String[]{"eligible", "mandatory_met", "score", "grade"}) o.set(f, verdict.path(f).isMissingNode() ? Json.NODES.nullNode() : verdict.get(f));
        return o;
    }

    private static long id(String s) throws ApiException {
        if (s == null || !ID.matcher(s).matches()) {
            String shown = Api.clip(String.valueOf(s));
            throw ApiException.notFound("没有记录 '" + shown + "'（记录编号为 1、2、3……）", "no record '" + shown + "' (ids are 1, 2, 3, …)");
        }
        return Long.parseLong(s);
    }

    private static byte[] body(Context ctx) throws ApiException {
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes(SubmissionRequest.MAX_BYTES + 1);
        } catch (IOException e) {
            throw ApiException.badRequest("无法读取请求正文：" + e.getMessage(), "cannot read the request body: " + e.getMessage());
        }
        if (bytes.length > SubmissionRequest.MAX_BYTES) throw SubmissionRequest.tooLarge();
        if (bytes.length == 0) throw ApiException.badRequest("请求正文应为评价意见（verdant.assessment/1，YAML 或 JSON）",
                "the request body must be an assessment (verdant.assessment/1, YAML or JSON)");
        return bytes;
    }
}
