package org.verdant.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.verdant.app.Application;

/**
 * POST /api/validate: the CLI's {@code validate} for the page's live checking, the submission read
 * and checked exactly as {@link Application#validate} does, nothing scored and nothing stored. A
 * valid submission answers {@code verdant.validation/1} (the scheme and edition it would be
 * evaluated under); an invalid one 422 with the same located problems as {@code validate} prints.
 */
final class ValidateApi {
    static final String FORMAT = "verdant.validation/1";

    private final Api api;
    private final Application application;

    ValidateApi(Api api, Application application) {
        this.api = api;
        this.application = application;
    }

    void validate(Context ctx) throws Exception {
        api.authorize(ctx);
        SubmissionRequest r = SubmissionRequest.read(ctx);
        Application.Validation v = application.validate(r.request());
        ObjectNode root = ApiJson.NODES.objectNode();
        root.put("format", FORMAT);
        root.put("valid", true);
        root.put("scheme", v.scheme());
        root.put("edition", v.edition());
        Api.json(ctx, 200, ApiJson.write(root));
    }
}
