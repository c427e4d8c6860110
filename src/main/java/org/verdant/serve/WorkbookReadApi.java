package org.verdant.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.verdant.app.Application;
import org.verdant.app.Workbooks;

import java.nio.charset.StandardCharsets;

/**
 * POST /api/xlsx/read: a filled workbook read into the YAML submission it stands for and checked as
 * {@code validate} checks it, so that the web page opens an uploaded workbook in its form and YAML
 * view and evaluates it as any submission (the verdict is the YAML's: it is that YAML). Its problems
 * are located at the sheet and cell ({@code 申报.xlsx:企业!C3}), as {@code /api/xlsx/evaluate}
 * locates them. Nothing is scored or stored.
 */
final class WorkbookReadApi {
    static final String FORMAT = "verdant.workbook-read/1";

    private final Api api;
    private final XlsxApi xlsx;
    private final Application application;

    WorkbookReadApi(Api api, XlsxApi xlsx) {
        this.api = api;
        this.xlsx = xlsx;
        this.application = api.application();
    }

    void read(Context ctx) throws Exception {
        api.authorize(ctx);
        Workbooks.Input input = xlsx.input(ctx);
        Application.Validation v = input.run(application::validate);
        ObjectNode root = ApiJson.NODES.objectNode();
        root.put("format", FORMAT);
        root.put("file", input.request().file());
        root.put("scheme", v.scheme());
        root.put("edition", v.edition());
        root.put("yaml", new String(input.request().bytes(), StandardCharsets.UTF_8));
        Api.json(ctx, 200, ApiJson.write(root));
    }
}
