package org.verdant.serve;

import io.javalin.http.Context;
import org.verdant.access.Access;
import org.verdant.app.Application;
import org.verdant.app.Evaluation;
import org.verdant.app.Settings;
import org.verdant.app.Workbooks;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveEntry;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.text.Text;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Excel in and out over HTTP (docs/serve.md, "Workbooks"): the template of a scheme as an .xlsx,
 * and a filled workbook posted as the body to preview or store its verdict. The workbook is read
 * by the application layer into the same YAML a YAML submission is; its problems name the sheet
 * and cell.
 */
final class XlsxApi {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Api api;
    private final CompiledRulebook rulebook;
    private final Application application;
    private final Archive archive;
    private final AccessLog log;

    XlsxApi(Api api, CompiledRulebook rulebook, Archive archive, AccessLog log) {
        this.api = api;
        this.rulebook = rulebook;
        this.application = api.application();
        this.archive = archive;
        this.log = log;
    }

    /** Every template, table and language twice over is 5 × a few × 2; more means made-up table names. */
    final Templates.WorkbookCache workbooks = new Templates.WorkbookCache(64);

    /** GET /api/templates/{name}.xlsx: the template workbook of one of the web page's templates (?table=, ?lang=). */
    void template(Context ctx) throws Exception {
        String name = ctx.pathParam("name");
        String names = String.join(", ", Templates.all().stream().map(Templates.Template::name).toList());
        Templates.Template t = Templates.named(name).orElseThrow(() -> ApiException.notFound("没有模板 '" + Api.clip(name) + "'；可用的模板：" + names,
                "no template '" + Api.clip(name) + "'; the templates are " + names));
        String lang = SubmissionRequest.lang(ctx.queryParam("lang"));
        String table = blankToNull(ctx.queryParam("table"));
        byte[] bytes = workbooks.get(t, table, lang, () -> api.withWork(() -> Workbooks.template(rulebook, t.scheme(), t.edition(), table, lang, null, null)));
        ctx.status(200).contentType(XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"")
                .result(bytes);
    }

    /** POST /api/xlsx/evaluate: the verdict of a workbook, nothing stored (as POST /api/evaluate?format=verdict). */
    void evaluate(Context ctx) throws Exception {
        api.authorize(ctx);
        Workbooks.Input input = input(ctx);
        Api.json(ctx, 200, api.withWork(() -> input.run(r -> application.evaluate(r, archive)).json())); // cited evidence must be in the archive
    }

    /** POST /api/xlsx/evaluations: evaluate a workbook and store it (as POST /api/evaluations); the record keeps the YAML read from it. */
    void store(Context ctx) throws Exception {
        api.authorize(ctx);
        Workbooks.Input input = input(ctx);
        Evaluation evaluation = api.withWork(() -> input.run(r -> application.evaluate(r, archive)));
        // as a YAML submission: only for a credit code the account may file for, refused before anything is stored
        String code = evaluation.jsonTree().path("facility").path("credit_code").asText(null);
        log.require(ctx, Access.Action.FILE, code);
        ArchiveEntry e = evaluation.store(archive);
        log.write(ctx, Access.Action.FILE.name(), e.id(), e.creditCode(), "ok");
        ctx.header("Location", "/api/evaluations/" + e.id());
        ctx.header("X-Verdant-Record", String.valueOf(e.id()));
        if (e.previousId() != null) ctx.header("X-Verdant-Previous-Record", String.valueOf(e.previousId()));
        Api.json(ctx, 201, evaluation.json());
    }

    Workbooks.Input input(Context ctx) throws Exception {
        String type = ctx.header("Content-Type") == null ? "" : ctx.header("Content-Type").split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals(XLSX) && !type.equals("application/octet-stream")) {
            throw new ApiException(415, "unsupported_media_type", new Text("请以 Content-Type " + XLSX + " 发送工作簿",
                    "send the workbook with Content-Type " + XLSX));
        }
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            if (ctx.req().getContentLengthLong() > SubmissionRequest.MAX_BYTES) throw SubmissionRequest.tooLarge();
            body = in.readNBytes(SubmissionRequest.MAX_BYTES + 1);
            if (body.length > SubmissionRequest.MAX_BYTES) throw SubmissionRequest.tooLarge();
        } catch (IOException e) {
            throw ApiException.badRequest("无法读取请求正文：" + e.getMessage(), "cannot read the request body: " + e.getMessage());
        }
        String lang = SubmissionRequest.lang(ctx.queryParam("lang"));
        if (ctx.queryParam("lang") != null) ctx.attribute(SubmissionRequest.PROBLEMS_LANG, lang);
        String file = SubmissionRequest.fileName(ctx.queryParam("file"), "submission.xlsx");
        Settings settings = new Settings(blankToNull(ctx.queryParam("edition")), blankToNull(ctx.queryParam("table")),
                blankToNull(ctx.queryParam("grading")), lang);
        // the body is a workbook whatever the name says: it came as one
        return Workbooks.workbook(file, body, settings);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
