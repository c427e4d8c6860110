package org.verdant.serve;

import io.javalin.http.Context;
import org.verdant.access.Access;
import org.verdant.access.Actor;
import org.verdant.accounts.Accounts;
import org.verdant.app.Application;
import org.verdant.app.Diff;
import org.verdant.app.Evaluation;
import org.verdant.app.Reevaluation;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveEntry;
import org.verdant.archive.ArchiveJson;
import org.verdant.archive.ArchiveQuery;
import org.verdant.archive.ArchivedEvaluation;
import org.verdant.cohort.CohortGrader;
import org.verdant.cohort.CohortRenderer;
import org.verdant.cohort.CohortReport;
import org.verdant.fault.Fault;
import org.verdant.report.document.ReportFormat;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.text.Messages;
import org.verdant.text.Text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The JSON API's handlers. Each one reads its request, calls the application layer the commands
 * call ({@link Application}, {@link Evaluation}, {@link Diff}; {@link Archive} and
 * {@link CohortGrader} for reading the archive) and writes their formats; errors are thrown and
 * written as JSON by {@link VerdantServer}, once for every handler.
 */
final class Api {
    static final String JSON = "application/json; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";
    /** The report is a document without scripts: its own inline styles, nothing else. */
    static final String REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-Za-z]{1,32}");

    private final CompiledRulebook rulebook;
    private final Application application;
    private final Archive archive;
    private final byte[] token;
    /** Evaluations of submissions at once: one per core; a request waits for its turn (up to a minute) rather than thrash the machine. */
    private final Semaphore work;
    /**
     * Re-runs of stored records (report, trace) have their own, smaller pool and wait only briefly,
     * so a flood of them cannot hold the workers or the permits a submission needs.
     */
    private final Semaphore reads;
    /** Reports and traces by record id (a stored record re-runs to the same answer), newest kept. */
    private final Map<String, String> rendered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > RENDERED_KEPT;
        }
    };
    private static final int RENDERED_KEPT = 64;
    private static final int READ_WAIT_SECONDS = 2;
    /** The access log (in the local single-user mode too, where every line names the one local operator). */
    private final AccessLog accessLog;

    Api(CompiledRulebook rulebook, Archive archive, String token, int concurrentEvaluations) {
        this(rulebook, archive, token, concurrentEvaluations, Accounts.of(archive));
    }

    Api(CompiledRulebook rulebook, Archive archive, String token, int concurrentEvaluations, Accounts accessLog) {
        this.rulebook = rulebook;
        this.application = new Application(rulebook);
        this.archive = archive;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.work = new Semaphore(Math.max(1, concurrentEvaluations), true);
        this.reads = new Semaphore(Math.max(1, concurrentEvaluations / 2), true);
        this.accessLog = new AccessLog(accessLog);
    }

    /** The server's one application layer, shared with the other routes' handlers. */
    Application application() {
        return application;
    }

    boolean tokenRequired() {
        return token != null;
    }

    // ---- reference data -------------------------------------------------------------------

    void schemes(Context ctx) {
        json(ctx, 200, ApiJson.schemes(rulebook.rulebook(), tokenRequired()));
    }

    void messages(Context ctx) throws ApiException {
        json(ctx, 200, WebMessages.json(SubmissionRequest.lang(ctx.queryParam("lang"))));
    }

    void template(Context ctx) throws ApiException {
        String name = ctx.pathParam("name").replaceFirst("\\.ya?ml$", "");
        String names = String.join(", ", Templates.all().stream().map(Templates.Template::name).toList());
        Templates.Template t = Templates.named(name).orElseThrow(() -> ApiException.notFound("没有模板 '" + clip(name) + "'；可用的模板：" + names,
                "no template '" + clip(name) + "'; the templates are " + names));
        ctx.status(200).contentType("application/yaml; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + t.fileName() + "\"")
                .result(Templates.bytes(t));
    }

    // ---- evaluating -----------------------------------------------------------------------

    /** POST /api/evaluations: evaluate, store in the archive, answer 201 with the verdict exactly as the CLI writes it. */
    void store(Context ctx) throws Exception {
        authorize(ctx);
        SubmissionRequest r = SubmissionRequest.read(ctx);
        Evaluation evaluation = withWork(() -> application.evaluate(r.request(), archive)); // cited evidence must be in the archive
        String code = evaluation.jsonTree().path("facility").path("credit_code").asText(null);
        allow(ctx, Access.Action.FILE, code, null);
        ArchiveEntry e = evaluation.store(archive);
        log(ctx, Access.Action.FILE, e.id(), e.creditCode(), "ok");
        ctx.header("Location", "/api/evaluations/" + e.id());
        ctx.header("X-Verdant-Record", String.valueOf(e.id()));
        if (e.previousId() != null) ctx.header("X-Verdant-Previous-Record", String.valueOf(e.previousId()));
        json(ctx, 201, evaluation.json());
    }

    /** POST /api/evaluate: the verdict, the improvement plan and the radar chart, nothing stored (the web page's preview). */
    void preview(Context ctx) throws Exception {
        authorize(ctx);
        SubmissionRequest r = SubmissionRequest.read(ctx);
        String format = ctx.queryParam("format") == null ? "preview" : ctx.queryParam("format");
        if (format.equals("verdict")) {
            // exactly what `evaluate --format json [--trace]` prints
            boolean trace = "true".equals(ctx.queryParam("trace"));
            json(ctx, 200, withWork(() -> application.evaluate(r.request(), archive).json(trace))); // cited evidence must be in the archive
            return;
        }
        if (!format.equals("preview")) throw ApiException.badRequest("format：preview 或 verdict", "format: preview or verdict");
        boolean withPlan = !"false".equals(ctx.queryParam("plan"));
        String answer = withWork(() -> {
            Evaluation e = application.evaluate(r.request(), archive);
            return ApiJson.preview(e.json(), withPlan ? e.improve(null, true) : null, e.radar());
        });
        json(ctx, 200, answer);
    }

    /** POST /api/report: the evaluation report of a submission (HTML, or Markdown with format=md, PDF with format=pdf), nothing stored. */
    void report(Context ctx) throws Exception {
        authorize(ctx);
        SubmissionRequest r = SubmissionRequest.read(ctx);
        ReportFormat format = reportFormat(ctx);
        if (format.binary()) {
            pdf(ctx, withWork(() -> application.evaluate(r.request(), archive).reportPdf()));
            return;
        }
        String text = withWork(() -> application.evaluate(r.request(), archive).report(format)); // its 附件 describes the files cited
        document(ctx, format, text);
    }

    // ---- the archive ----------------------------------------------------------------------

    /** GET /api/evaluations/{id}: the record with its verdict, as {@code archive show --format json}. */
    void get(Context ctx) throws Exception {
        json(ctx, 200, ArchiveJson.record(stored(ctx, ctx.pathParam("id"))));
    }

    /** GET /api/evaluations/{id}/report: the stored submission's report, re-run with its options (it must reproduce the stored verdict). */
    void storedReport(Context ctx) throws Exception {
        ArchivedEvaluation a = stored(ctx, ctx.pathParam("id"));
        ReportFormat format = reportFormat(ctx);
        String lang = ctx.queryParam("lang") == null ? a.lang() : SubmissionRequest.lang(ctx.queryParam("lang"));
        if (format.binary()) {
            pdf(ctx, withWork(() -> application.reproduce(a).withLang(lang).reportPdf()));
            return;
        }
        String text = rendered("report:" + a.entry().id() + ":" + lang + ":" + format, () -> application.reproduce(a).withLang(lang).report(format));
        document(ctx, format, text);
    }

    /** GET /api/evaluations/{id}/trace: the stored verdict with a trace in every gate and criterion ({@code evaluate --format json --trace}). */
    void storedTrace(Context ctx) throws Exception {
        ArchivedEvaluation a = stored(ctx, ctx.pathParam("id"));
        String json = rendered("trace:" + a.entry().id(), () -> application.reproduce(a).json(true));
        json(ctx, 200, json);
    }

    /** GET /api/evaluations?credit_code=&year=&scheme=&industry=: the records the actor may read, in archiving order. */
    void list(Context ctx) throws ApiException {
        ArchiveQuery q = new ArchiveQuery(creditCode(ctx.queryParam("credit_code")), year(ctx.queryParam("year"), false),
                blankToNull(ctx.queryParam("scheme")), blankToNull(ctx.queryParam("industry")));
        Actor actor = Actors.of(ctx);
        var visible = archive.list(q).stream().filter(e -> Access.allows(actor, Access.Action.READ, upper(e.creditCode()))).toList();
        log(ctx, Access.Action.READ, null, q.creditCode(), "ok");
        json(ctx, 200, ArchiveJson.list(visible));
    }

    /** GET /api/facilities/{credit_code}/history. */
    void history(Context ctx) throws Exception {
        String code = creditCode(ctx.pathParam("code"));
        allow(ctx, Access.Action.READ, code, null);
        log(ctx, Access.Action.READ, null, code, "ok");
        json(ctx, 200, org.verdant.app.Disputes.historyJson(archive, Actors.of(ctx), code));
    }

    /** GET /api/diff?a=ID&b=ID: the two stored verdicts compared as {@code verdant diff} compares them, with their inputs. */
    void diff(Context ctx) throws Exception {
        ArchivedEvaluation a = stored(ctx, required(ctx, "a"));
        ArchivedEvaluation b = stored(ctx, required(ctx, "b"));
        Messages m = new Messages(SubmissionRequest.lang(ctx.queryParam("lang")));
        Diff.Side sideA = Diff.side(a);
        Diff.Side sideB = Diff.side(b);
        boolean text = "text".equals(ctx.queryParam("format"));
        String answer = Diff.render(sideA, sideB, sideA.name(), sideB.name(), m, !text);
        if (text) {
            ctx.status(200).contentType("text/plain; charset=utf-8").result(answer);
        } else {
            json(ctx, 200, answer);
        }
    }

    /** GET /api/cohort?year=&scheme=&industry=&edition=&format=json|csv|text&lang=: the 企业绿码 grades of a cohort (text in the request's language). */
    void cohort(Context ctx) throws Exception {
        // a cohort ranks every company in it: for those who read everything
        allow(ctx, Access.Action.READ, null, null);
        int year = year(ctx.queryParam("year"), true);
        String scheme = ctx.queryParam("scheme") == null || ctx.queryParam("scheme").isBlank() ? "green-factory" : ctx.queryParam("scheme");
        CohortReport report = CohortGrader.grade(archive, year, scheme, blankToNull(ctx.queryParam("industry")),
                blankToNull(ctx.queryParam("edition")));
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        switch (format) {
            case "json" -> json(ctx, 200, CohortRenderer.json(report));
            case "csv" -> ctx.status(200).contentType("text/csv; charset=utf-8").result(CohortRenderer.csv(report));
            case "text" -> ctx.status(200).contentType("text/plain; charset=utf-8").result(CohortRenderer.text(report, ServeLang.of(ctx)));
            default -> throw ApiException.badRequest("format：json、csv 或 text", "format: json, csv or text");
        }
    }

    /** POST /api/evaluations/{id}/verify: re-run the stored submission against the server's rulebook ({@code archive verify}). */
    void verify(Context ctx) throws Exception {
        authorize(ctx);
        ArchivedEvaluation a = stored(ctx, ctx.pathParam("id"));
        Reevaluation o = withWork(() -> application.verify(a));
        var root = ArchiveJson.verification(a.entry(), o.verdictJson(), o.comparison());
        json(ctx, 200, ApiJson.write(root));
    }

    // ---------------------------------------------------------------------------------------

    /** With a token configured, a write needs {@code Authorization: Bearer TOKEN} (compared in constant time). */
    void authorize(Context ctx) throws ApiException {
        if (token == null) return;
        String header = ctx.header("Authorization");
        byte[] given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(given, token)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"verdant\"");
            throw new ApiException(401, "unauthorized", header == null
                    ? new Text("本服务器的写操作需要 API 令牌：请发送 Authorization: Bearer TOKEN",
                    "this server requires an API token for writes: send Authorization: Bearer TOKEN")
                    : new Text("API 令牌与本服务器启动时设定的不符", "the API token is not the one this server was started with"));
        }
    }

    interface Work<T> {
        T run() throws Exception;
    }

    <T> T withWork(Work<T> w) throws Exception {
        if (!work.tryAcquire(60, TimeUnit.SECONDS)) {
            throw new ApiException(503, "busy", new Text("服务器正忙于评价其他申报材料，请稍后再试",
                    "the server is busy evaluating other submissions; try again shortly"));
        }
        try {
            return w.run();
        } finally {
            work.release();
        }
    }

    /**
     * A record re-run and rendered, from the cache when it was rendered before; otherwise in the
     * readers' pool, waiting at most {@value #READ_WAIT_SECONDS} s (503 after that, never holding a worker).
     */
    private String rendered(String key, Work<String> w) throws Exception {
        synchronized (rendered) {
            String known = rendered.get(key);
            if (known != null) return known;
        }
        if (!reads.tryAcquire(READ_WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new ApiException(503, "busy", new Text("服务器正忙于生成其他报告和推理过程，请稍后再试",
                    "the server is busy rendering other reports and traces; try again shortly"));
        }
        String text;
        try {
            text = w.run();
        } finally {
            reads.release();
        }
        synchronized (rendered) {
            rendered.put(key, text);
        }
        return text;
    }

    /** The stored record {@code id}, if the actor may read it; every such read goes into the access log. */
    private ArchivedEvaluation stored(Context ctx, String id) throws Exception {
        ArchivedEvaluation a = stored(id);
        allow(ctx, Access.Action.READ, a.entry().creditCode(), a.entry().id());
        log(ctx, Access.Action.READ, a.entry().id(), a.entry().creditCode(), "ok");
        return a;
    }

    /** {@link Access#require}, with a refusal written into the access log (with the record, when there is one). */
    private void allow(Context ctx, Access.Action action, String creditCode, Long recordId) throws Fault {
        accessLog.requireFor(ctx, action, creditCode, recordId);
    }

    private void log(Context ctx, Access.Action action, Long recordId, String creditCode, String outcome) {
        accessLog.write(ctx, action.name(), recordId, creditCode, outcome);
    }

    private static String upper(String code) {
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }

    /** The stored record {@code id}; ids are numbers, so no request names anything but a row of the archive. */
    private ArchivedEvaluation stored(String id) throws ApiException {
        if (id == null || !ID.matcher(id).matches()) {
            String shown = clip(String.valueOf(id));
            throw ApiException.notFound("没有记录 '" + shown + "'（记录编号为 1、2、3……）", "no record '" + shown + "' (ids are 1, 2, 3, …)");
        }
        return archive.get(Long.parseLong(id)).orElseThrow(() -> ApiException.notFound("没有记录 " + id, "no record " + id));
    }

    private static ReportFormat reportFormat(Context ctx) throws ApiException {
        String f = ctx.queryParam("format");
        if (f == null || f.equals("html")) return ReportFormat.html;
        if (f.equals("md")) return ReportFormat.md;
        if (f.equals("pdf")) return ReportFormat.pdf;
        throw ApiException.badRequest("format：html、md 或 pdf", "format: html, md or pdf");
    }

    private static void pdf(Context ctx, byte[] pdf) {
        ctx.status(200).contentType("application/pdf").header("Content-Disposition", "attachment; filename=\"report.pdf\"").result(pdf);
    }

    private static void document(Context ctx, ReportFormat format, String text) {
        if (format == ReportFormat.html) {
            ctx.header("Content-Security-Policy", REPORT_CSP);
            ctx.status(200).contentType(HTML).result(text);
        } else {
            ctx.status(200).contentType("text/markdown; charset=utf-8").result(text);
        }
    }

    private static String required(Context ctx, String param) throws ApiException {
        String v = ctx.queryParam(param);
        if (v == null || v.isBlank()) throw ApiException.badRequest("请给出要比较的两条记录：?a=ID&b=ID", "name the records to compare: ?a=ID&b=ID");
        if (!ID.matcher(v).matches()) {
            throw ApiException.badRequest(param + "：'" + clip(v) + "' 不是记录编号（1、2、3……）", param + ": '" + clip(v) + "' is not a record id (1, 2, 3, …)");
        }
        return v;
    }

    private static Integer year(String value, boolean required) throws ApiException {
        if (value == null || value.isBlank()) {
            if (required) throw ApiException.badRequest("year：需要报告年度，例如 ?year=2023", "year: the reporting year is required, e.g. ?year=2023");
            return null;
        }
        if (!value.matches("[0-9]{4}")) throw ApiException.badRequest("year：'" + clip(value) + "' 不是年份", "year: '" + clip(value) + "' is not a year");
        return Integer.parseInt(value);
    }

    private static String creditCode(String value) throws ApiException {
        if (value == null || value.isBlank()) return null;
        if (!CREDIT_CODE.matcher(value).matches()) {
            throw ApiException.badRequest("credit_code：'" + clip(value) + "' 不是统一社会信用代码", "credit_code: '" + clip(value) + "' is not a credit code");
        }
        return value.toUpperCase(java.util.Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static void json(Context ctx, int status, String body) {
        ctx.status(status).contentType(JSON).result(body);
    }
}
