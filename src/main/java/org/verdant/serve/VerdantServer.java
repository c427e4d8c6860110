package org.verdant.serve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.verdant.accounts.Accounts;
import org.verdant.app.Faults;
import org.verdant.archive.Archive;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.text.Text;

import java.io.PrintWriter;
import java.net.URI;
import java.util.List;

/**
 * {@code verdant serve}: the JSON API and the web page in one process, on an embedded Jetty
 * (Javalin), with one compiled rulebook and one archive shared by every request.
 *
 * <p>Routes, with the API's details in docs/serve.md:
 * <pre>
 * GET  /                                  the web page (and its scripts, styles and icon: WebAssets)
 * GET  /api/schemes                       schemes, editions, dates, grading tables, templates
 * GET  /api/messages?lang=                the page's words (web.*, form.*, status.*, type.*)
 * GET  /api/templates/{name}              a filled example submission
 * GET  /api/templates/{name}/blank        the blank template: fields and guidance, no figures
 * GET  /api/schema?scheme=&edition=&table= the form: submission schema, sections, criteria, energy-limit rows
 * POST /api/parse                         the page's YAML view read as JSON, for the form
 * POST /api/evaluations                   evaluate and store → 201, Location, the verdict
 * POST /api/evaluate                      evaluate, plan, radar; nothing stored
 * POST /api/validate                      check only, the CLI's validate: the located problems (ValidateApi)
 * GET|PUT|DELETE /api/drafts[/{name}]      a signed-in person's own drafts (DraftApi)
 * POST /api/report                        the report of a submission (html, md, pdf); nothing stored
 * GET  /api/evaluations                   list (credit_code, year, scheme, industry)
 * GET  /api/evaluations/{id}              the record and its verdict
 * GET  /api/evaluations/{id}/report       its report
 * GET  /api/evaluations/{id}/trace        its verdict with traces
 * POST /api/evaluations/{id}/verify       re-run it against this rulebook
 * GET  /api/facilities/{code}/history     a facility's records
 * GET  /api/diff?a=&b=                    two records compared
 * GET  /api/cohort?year=&scheme=&industry= 企业绿码 grades
 * POST|GET|DELETE /api/session             sign in, who is signed in, sign out
 * POST /api/session/password              change one's own password (an administrator: reset another's)
 * GET  /api/access-log                    who read and wrote which record
 * PUT|GET /api/evaluations/{id}/assessment an evaluator's assessment (append-only) and its verdict
 * </pre>
 */
public final class VerdantServer implements AutoCloseable {
    /**
     * What the server needs: where to listen, the rulebook, the archive, the shared token for
     * writes of the local mode (null: none), and the accounts people sign in with (null: the local
     * single-user mode, one person playing every role); the further Host names a reverse proxy
     * forwards, and whether to trust its {@code X-Forwarded-Proto}.
     */
    public record Config(String host, int port, CompiledRulebook rulebook, Archive archive, String token, int concurrentEvaluations,
                         Accounts accounts, List<String> allowedHosts, boolean behindProxy, boolean local) {
        public Config {
            allowedHosts = List.copyOf(allowedHosts);
            if (local && accounts != null) throw new IllegalArgumentException("the local single-user mode has no accounts");
        }

        /** Not the local mode: without accounts nobody is let in (deny by default); only {@code local} yields the local operator. */
        public Config(String host, int port, CompiledRulebook rulebook, Archive archive, String token, int concurrentEvaluations,
                      Accounts accounts, List<String> allowedHosts, boolean behindProxy) {
            this(host, port, rulebook, archive, token, concurrentEvaluations, accounts, allowedHosts, behindProxy, false);
        }

        /** The local single-user mode, as {@code serve --local}: one person on this machine plays every role. */
        public Config(String host, int port, CompiledRulebook rulebook, Archive archive, String token, int concurrentEvaluations) {
            this(host, port, rulebook, archive, token, concurrentEvaluations, null, List.of(), false, true);
        }

        public Config(String host, int port, CompiledRulebook rulebook, Archive archive, String token) {
            this(host, port, rulebook, archive, token, Runtime.getRuntime().availableProcessors());
        }

        /** With accounts: every request but the page and reference data needs a signed-in person. */
        public Config withAccounts(Accounts a) {
            return new Config(host, port, rulebook, archive, token, concurrentEvaluations, a, allowedHosts, behindProxy, false);
        }
    }

    /** Workers: many, so slow clients cannot hold them all; evaluations are bounded by their own pools. */
    static final int MAX_THREADS = 200;
    /** A connection that sends nothing for this long is closed (a slow body is bounded in SubmissionRequest). */
    static final long IDLE_TIMEOUT_MS = 15_000;

    /** The page's policy: its own files only, no inline script, nothing from elsewhere. */
    static final String PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final String ANSWERED = "verdant.answered";

    private final Javalin app;
    private final Config config;

    private VerdantServer(Javalin app, Config config) {
        this.app = app;
        this.config = config;
    }

    /** Starts listening (port 0: any free port; see {@link #port()}). */
    public static VerdantServer start(Config c, PrintWriter log) {
        Accounts accessLog = c.accounts() != null ? c.accounts() : Accounts.of(c.archive());
        Api api = new Api(c.rulebook(), c.archive(), c.token(), c.concurrentEvaluations(), accessLog);
        Gate gate = new Gate(c.accounts(), c.local(), c.host(), c.allowedHosts(), c.behindProxy());
        AccessLog recordAccess = new AccessLog(accessLog);
        SessionApi sessions = new SessionApi(c.accounts(), accessLog, gate);
        ArchiveApi archiveApi = new ArchiveApi(c.archive(), recordAccess);
        SchemaApi schemaApi = new SchemaApi(c.rulebook().rulebook());
        WebAssets assets = new WebAssets();
        // one Application (so one rulebook cache) for every route
        DisputeApi disputes = new DisputeApi(api, api.application(), c.archive(), recordAccess);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = c.host();
            config.jetty.port = c.port();
            QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 4);
            pool.setName("verdant-http");
            config.jetty.threadPool = pool;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.jetty.modifyHttpConfiguration(http -> {
                http.setIdleTimeout(IDLE_TIMEOUT_MS);
                http.setSendServerVersion(false);
            });
            // bodies are read by SubmissionRequest with the YAML reader's limit; this is only Javalin's own ceiling
            config.http.maxRequestSize = SubmissionRequest.MAX_BYTES + 1L;
            config.http.generateEtags = false;
            config.http.prefer405over404 = true;
            config.router.ignoreTrailingSlashes = true;

            var r = config.routes;
            r.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("Cache-Control", "no-store");
                gate.check(ctx);
            });
            r.get("/", ctx -> asset(ctx, assets, "index.html"));
            r.get("/index.html", ctx -> asset(ctx, assets, "index.html"));
            for (String name : WebAssets.names()) {
                if (!name.equals("index.html")) r.get("/" + name, ctx -> asset(ctx, assets, name));
            }
            r.post("/api/session", sessions::signIn);
            r.get("/api/session", sessions::whoAmI);
            r.delete("/api/session", sessions::signOut);
            r.post("/api/session/password", sessions::changePassword);
            r.get("/api/access-log", sessions::accessLog);

            r.get("/api/schemes", ctx -> sessions.schemes(ctx, ApiJson.schemes(c.rulebook().rulebook(), api.tokenRequired())));
            r.get("/api/messages", api::messages);
            XlsxApi xlsx = new XlsxApi(api, c.rulebook(), c.archive(), recordAccess); // before /api/templates/{name}, which would take "x.xlsx" as a name
            r.get("/api/templates/{name}.xlsx", xlsx::template);
            r.post("/api/xlsx/evaluate", xlsx::evaluate);
            r.post("/api/xlsx/evaluations", xlsx::store);
            r.post("/api/xlsx/read", new WorkbookReadApi(api, xlsx)::read); // the web page opens an uploaded workbook as YAML
            r.get("/api/templates/{name}", api::template);
            r.get("/api/templates/{name}/blank", schemaApi::blank);
            r.get("/api/schema", schemaApi::form);
            r.post("/api/parse", schemaApi::parse);
            r.post("/api/evaluations", api::store);
            r.post("/api/evaluate", api::preview);
            ValidateApi validateApi = new ValidateApi(api, new org.verdant.app.Application(c.rulebook()));
            r.post("/api/validate", validateApi::validate);
            DraftApi draftApi = new DraftApi(c.archive());
            r.get("/api/drafts", draftApi::list);
            r.get("/api/drafts/{name}", draftApi::get);
            r.put("/api/drafts/{name}", draftApi::put);
            r.delete("/api/drafts/{name}", draftApi::delete);
            r.post("/api/report", api::report);
            r.get("/api/evaluations", api::list);
            r.get("/api/evaluations/{id}", api::get);
            r.get("/api/evaluations/{id}/report", api::storedReport);
            r.get("/api/evaluations/{id}/trace", api::storedTrace);
            r.post("/api/evaluations/{id}/verify", api::verify);
            r.get("/api/facilities/{code}/history", api::history);
            r.get("/api/diff", api::diff);
            r.get("/api/cohort", api::cohort);
            r.post("/api/evaluations/{id}/objections", disputes::file);
            r.get("/api/disputes/{n}", disputes::show);
            r.post("/api/disputes/{n}/ruling", disputes::rule);
            r.get("/api/disputes/{n}/report", disputes::report);
            r.get("/api/archive/verify", archiveApi::verify);
            EvidenceApi evidence = new EvidenceApi(api, c.archive());
            r.post("/api/evidence", evidence::upload);
            r.get("/api/evidence", evidence::list);
            r.get("/api/evidence/{sha256}", evidence::download);
            r.post("/api/archive/verify", archiveApi::verify);
            AssessmentApi assessmentApi = new AssessmentApi(api, api.application(), c.archive(), recordAccess);
            r.put("/api/evaluations/{id}/assessment", assessmentApi::put);
            r.get("/api/evaluations/{id}/assessment", assessmentApi::get);

            r.exception(ApiException.class, (e, ctx) -> answer(ctx, e));
            r.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, switch (e.getStatus()) {
                case 404 -> noSuchEndpoint(ctx);
                case 405 -> notAllowed(ctx);
                case 413 -> SubmissionRequest.tooLarge();
                default -> new ApiException(e.getStatus(), "http_" + e.getStatus(), new Text("HTTP " + e.getStatus() + "：" + e.getMessage(),
                        e.getMessage()));
            }));
            // every failure of the application layer, and any bug, mapped once
            r.exception(Exception.class, (e, ctx) -> answer(ctx, ServeFaults.answer(Faults.of(e), ctx, log)));
            r.error(404, ctx -> {
                if (ctx.attribute(ANSWERED) == null) {
                    answer(ctx, noSuchEndpoint(ctx));
                }
            });
            r.error(405, ctx -> {
                if (ctx.attribute(ANSWERED) == null) {
                    answer(ctx, notAllowed(ctx));
                }
            });
        });
        app.start();
        return new VerdantServer(app, c);
    }

    private static void asset(Context ctx, WebAssets assets, String name) {
        WebAssets.Asset a = assets.get(name);
        ctx.header("Content-Security-Policy", PAGE_CSP);
        ctx.header("Cache-Control", "no-cache");
        ctx.status(200).contentType(a.contentType()).result(a.bytes());
    }

    private static ApiException noSuchEndpoint(Context ctx) {
        String what = ctx.method() + " " + Api.clip(ctx.path());
        return ApiException.notFound("没有这个接口：" + what, "no such endpoint: " + what);
    }

    private static ApiException notAllowed(Context ctx) {
        String path = Api.clip(ctx.path());
        return new ApiException(405, "method_not_allowed", new Text(path + " 不接受 " + ctx.method() + " 请求",
                ctx.method() + " is not allowed on " + path));
    }

    /** Every error answer, its message in the request's language (lang parameter, else Accept-Language, else Chinese). */
    private static void answer(Context ctx, ApiException e) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        // a submission request may state its language in its body; otherwise the lang parameter, Accept-Language, Chinese
        String stated = ctx.attribute(SubmissionRequest.PROBLEMS_LANG);
        Api.json(ctx, e.status(), ApiJson.error(e, stated != null ? stated : ServeLang.of(ctx)));
    }

    public int port() {
        return app.port();
    }

    /** The address to open in a browser. */
    public URI uri() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        if (host.equals("0.0.0.0") || host.equals("[::]")) host = "127.0.0.1";
        return URI.create("http://" + host + ":" + port() + "/");
    }

    @Override
    public void close() {
        app.stop();
    }
}
