package org.verdant.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.server.Request;
import org.verdant.access.Access;
import org.verdant.accounts.Accounts;
import org.verdant.app.EvidenceFiles;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchivedEvaluation;
import org.verdant.archive.EvidenceFile;
import org.verdant.archive.EvidenceStore;
import org.verdant.archive.EvidenceType;
import org.verdant.fault.Fault;
import org.verdant.text.Json;
import org.verdant.text.Text;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Evidence files over HTTP (docs/evidence.md): upload one, fetch one by its digest, list those a
 * stored evaluation cites. Who may do what is {@link Access}'s to say for the actor
 * {@link Actors} names; every read and write goes into the access log.
 *
 * <pre>
 * POST /api/evidence?name=FILE&amp;credit_code=CODE   the file's bytes as the body; 201 {sha256, media_type, type, size}
 * POST /api/evidence?credit_code=CODE                 multipart/form-data, one file or more; 201 {files: [{sha256, …}]}
 * GET  /api/evidence/{sha256}[?evaluation=ID]        the bytes, as an attachment of the type the bytes show
 * GET  /api/evidence?evaluation=ID                   the files that stored evaluation cites
 * </pre>
 */
final class EvidenceApi {
    private static final Pattern DIGEST = Pattern.compile("(sha256:)?[0-9a-f]{64}");
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    /** A multipart body holds at most five files of the largest size (and their part headers). */
    static final int MAX_PARTS = 5;
    static final long MAX_MULTIPART = MAX_PARTS * EvidenceStore.MAX_SIZE + 64 * 1024;
    /** Where Jetty takes a request's multipart limits from (Javalin sets its unlimited default only when none is there). */
    private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    /** Parts larger than this are spooled to a temporary file (deleted when the request ends) rather than kept in memory. */
    private static final int IN_MEMORY_PART = 1024 * 1024;
    private final Api api;
    private final Archive archive;
    private final Accounts accessLog;

    EvidenceApi(Api api, Archive archive) {
        this.api = api;
        this.archive = archive;
        this.accessLog = Accounts.of(archive);
    }

    /**
     * POST /api/evidence: 201 with the stored file; 413 over {@link EvidenceStore#MAX_SIZE}, 415 a kind not kept.
     * A {@code multipart/form-data} body may carry several files (every part with a file name):
     * each is checked as a raw body is, none is stored unless all pass, and the answer lists them.
     */
    void upload(Context ctx) throws Exception {
        api.authorize(ctx);
        String code = upper(ctx.queryParam("credit_code"));
        // an enterprise files its own evidence, an evaluator the evidence of what it assesses
        if (!Access.allows(Actors.of(ctx), Access.Action.ASSESS, code)) allow(ctx, Access.Action.FILE, code, "POST");
        if (ctx.isMultipartFormData()) {
            uploadParts(ctx, code);
            return;
        }
        byte[] bytes = body(ctx, code);
        requireKept(ctx, code, bytes);
        EvidenceFile f = EvidenceFiles.add(archive, name(ctx.queryParam("name")), bytes);
        log(ctx, Access.Action.FILE, code, "ok");
        ctx.header("Location", "/api/evidence/" + f.sha256());
        Api.json(ctx, 201, Json.PRETTY.writeValueAsString(describe(f)));
    }

    /** The files of a multipart body, each at most {@link EvidenceStore#MAX_SIZE}: 201 {files: [...]}. */
    private void uploadParts(Context ctx, String code) throws Exception {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_MULTIPART) throw tooLarge(ctx, code);
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        // the parser counts as it reads, so a chunked body (no Content-Length) is stopped at the cap, never kept whole
        ctx.req().setAttribute(MULTIPART_CONFIG, new jakarta.servlet.MultipartConfigElement(System.getProperty("java.io.tmpdir"),
                EvidenceStore.MAX_SIZE, MAX_MULTIPART, IN_MEMORY_PART));
        List<UploadedFile> parts;
        try {
            parts = ctx.uploadedFiles();
        } catch (Exception e) { // Javalin passes Jetty's checked exceptions on undeclared
            if (!refusedByTheParser(e)) throw e;
            if (readPastAFilesLimit(ctx)) throw tooLarge(ctx, code);
            log(ctx, Access.Action.FILE, code, "refused");
            ctx.header("Connection", "close"); // the rest of the body is left unread: the connection cannot carry another request
            throw ApiException.badRequest("multipart/form-data 请求无法解析：某一部分格式不对或其头部过长",
                    "the multipart/form-data request cannot be parsed: a part is malformed or its headers are too long");
        }
        if (parts.size() > MAX_PARTS) throw tooLarge(ctx, code);
        for (UploadedFile part : parts) {
            if (part.size() > EvidenceStore.MAX_SIZE) throw tooLarge(ctx, code);
            byte[] bytes;
            try (InputStream in = part.content()) {
                bytes = in.readNBytes((int) EvidenceStore.MAX_SIZE + 1);
            }
            if (bytes.length > EvidenceStore.MAX_SIZE) throw tooLarge(ctx, code);
            requireKept(ctx, code, bytes);
            names.add(name(part.filename()));
            contents.add(bytes);
        }
        if (contents.isEmpty()) {
            log(ctx, Access.Action.FILE, code, "refused");
            throw ApiException.badRequest("multipart/form-data 请求中没有文件（每个文件部分须有 filename）",
                    "the multipart/form-data request has no file (each file part needs a filename)");
        }
        ObjectNode root = Json.NODES.objectNode();
        ArrayNode files = root.putArray("files");
        String first = null;
        for (int i = 0; i < contents.size(); i++) {
            EvidenceFile f = EvidenceFiles.add(archive, names.get(i), contents.get(i));
            if (first == null) first = f.sha256();
            files.add(describe(f));
        }
        log(ctx, Access.Action.FILE, code, "ok");
        ctx.header("Location", "/api/evidence/" + first);
        Api.json(ctx, 201, Json.PRETTY.writeValueAsString(root));
    }

    /** 415 for bytes that are not a kind of file kept as evidence (by their content, whatever the name or header says). */
    private void requireKept(Context ctx, String code, byte[] bytes) throws ApiException {
        if (EvidenceType.of(bytes).isEmpty() && bytes.length > 0) {
            log(ctx, Access.Action.FILE, code, "refused");
            throw new ApiException(415, "unsupported_media_type", new Text("证据文件按其内容不是 PDF、PNG、JPEG、xlsx 或 CSV 文件",
                    "the evidence file is by its content not a PDF, PNG, JPEG, xlsx or CSV file"));
        }
    }

    /** GET /api/evidence/{sha256}: the file, never rendered by the browser as anything but a download. */
    void download(Context ctx) throws Exception {
        String digest = digest(ctx.pathParam("sha256"));
        String evaluation = ctx.queryParam("evaluation");
        String code = null;
        if (evaluation != null) {
            ArchivedEvaluation a = stored(evaluation);
            code = a.entry().creditCode();
            boolean cites = EvidenceFiles.cited(archive, a).stream().anyMatch(c -> c.sha256().equals(digest));
            if (!cites) throw ApiException.notFound("记录 " + evaluation + " 未引用证据文件 " + digest,
                    "record " + evaluation + " does not cite the evidence file " + digest);
        }
        // without an evaluation that cites it, only those who may read every facility's files may fetch a file
        allow(ctx, Access.Action.READ, code, "GET");
        EvidenceStore.Stored s = EvidenceFiles.get(archive, digest);
        log(ctx, Access.Action.READ, code, "ok");
        String extension = switch (s.file().type()) {
            case PDF -> "pdf";
            case PNG -> "png";
            case JPEG -> "jpg";
            case XLSX -> "xlsx";
            case CSV -> "csv";
        };
        ctx.status(200).contentType(s.file().type().mediaType())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "attachment; filename=\"" + digest.substring("sha256:".length(), "sha256:".length() + 16) + "." + extension + "\"")
                .result(s.bytes());
    }

    /** GET /api/evidence?evaluation=ID: the files the stored evaluation cites, each with whether the archive has it. */
    void list(Context ctx) throws Exception {
        String evaluation = ctx.queryParam("evaluation");
        if (evaluation == null) throw ApiException.badRequest("请给出评价记录：?evaluation=ID", "name the stored evaluation: ?evaluation=ID");
        ArchivedEvaluation a = stored(evaluation);
        allow(ctx, Access.Action.READ, a.entry().creditCode(), "GET");
        ObjectNode root = Json.NODES.objectNode();
        root.put("evaluation", a.entry().id());
        ArrayNode files = root.putArray("files");
        for (EvidenceFiles.Cited c : EvidenceFiles.cited(archive, a)) {
            if (c.file() == null) files.addObject().put("sha256", c.sha256()).put("in_archive", false);
            else files.add(describe(c.file()).put("in_archive", true));
        }
        log(ctx, Access.Action.READ, a.entry().creditCode(), "ok");
        Api.json(ctx, 200, Json.PRETTY.writeValueAsString(root));
    }

    private static ObjectNode describe(EvidenceFile f) {
        ObjectNode o = Json.NODES.objectNode();
        o.put("sha256", f.sha256());
        o.put("media_type", f.type().mediaType());
        o.put("type", f.type().zh());
        o.put("type_en", f.type().en());
        o.put("size", f.size());
        o.put("stored_at", f.storedAt().toString());
        return o;
    }

    /** The body, refused with 413 as soon as it is over the limit (never kept whole). */
    private byte[] body(Context ctx, String code) throws ApiException {
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > EvidenceStore.MAX_SIZE) throw tooLarge(ctx, code);
            byte[] bytes = in.readNBytes((int) EvidenceStore.MAX_SIZE + 1);
            if (bytes.length > EvidenceStore.MAX_SIZE) throw tooLarge(ctx, code);
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("无法读取请求正文：" + e.getMessage(), "cannot read the request body: " + e.getMessage());
        }
    }

    /** Whether Jetty's multipart parser refused the body: it fails a body it cannot take with a {@link BadMessageException}. */
    private static boolean refusedByTheParser(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadMessageException) return true;
        }
        return false;
    }

    /**
     * Whether the parser had read more of the body than one file may have when it gave up: a part
     * over {@link EvidenceStore#MAX_SIZE}, or a body over {@link #MAX_MULTIPART}, is refused only
     * then; a body refused sooner was malformed, not too large. Jetty says which limit only in the
     * words of its message, so the count of bytes read decides, not the words.
     */
    private static boolean readPastAFilesLimit(Context ctx) {
        Request core = ServletContextRequest.getServletContextRequest(ctx.req());
        return core != null && Request.getContentBytesRead(core) > EvidenceStore.MAX_SIZE;
    }

    private ApiException tooLarge(Context ctx, String code) {
        log(ctx, Access.Action.FILE, code, "refused");
        ctx.header("Connection", "close");
        return new ApiException(413, "too_large", new Text("证据文件超过上限 " + EvidenceStore.MAX_SIZE + " 字节（20 MiB）",
                "the evidence file is larger than the limit of " + EvidenceStore.MAX_SIZE + " bytes (20 MiB)"));
    }

    /** The file's name as the client gave it, without any directory (it only says what type the file claims). */
    private static String name(String given) {
        if (given == null || given.isBlank()) return null;
        String n = given.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip();
        return n.isEmpty() ? null : n.length() > 120 ? n.substring(0, 120) : n;
    }

    private static String digest(String given) throws ApiException {
        String d = given == null ? "" : given.toLowerCase(Locale.ROOT);
        if (!DIGEST.matcher(d).matches()) {
            throw ApiException.notFound("“" + Api.clip(String.valueOf(given)) + "”不是证据文件的摘要", "'" + Api.clip(String.valueOf(given)) + "' is not an evidence digest");
        }
        return d.startsWith("sha256:") ? d : "sha256:" + d;
    }

    private ArchivedEvaluation stored(String id) throws ApiException {
        if (!ID.matcher(id).matches()) {
            throw ApiException.notFound("没有记录 '" + Api.clip(id) + "'（记录编号为 1、2、3……）", "no record '" + Api.clip(id) + "' (ids are 1, 2, 3, …)");
        }
        return archive.get(Long.parseLong(id)).orElseThrow(() -> ApiException.notFound("没有记录 " + id, "no record " + id));
    }

    /** {@link Access#require}, with a refusal written into the access log. */
    private void allow(Context ctx, Access.Action action, String code, String method) throws Fault {
        try {
            Access.require(Actors.of(ctx), action, code);
        } catch (Fault f) {
            log(ctx, action, code, "denied");
            throw f;
        }
    }

    private void log(Context ctx, Access.Action action, String code, String outcome) {
        accessLog.log(Actors.of(ctx).id(), action.name(), ctx.method() + " " + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()),
                null, code, outcome);
    }

    private static String upper(String code) {
        return code == null || code.isBlank() ? null : code.strip().toUpperCase(Locale.ROOT);
    }
}
