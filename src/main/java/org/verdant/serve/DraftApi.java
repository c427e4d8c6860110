package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.verdant.accounts.Drafts;
import org.verdant.archive.Archive;
import org.verdant.fault.Fault;
import org.verdant.text.Json;
import org.verdant.text.Text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page's drafts on the server, each person's own (working copies, not records: see
 * {@link Drafts}):
 * <pre>
 * GET    /api/drafts           the signed-in person's drafts (names, revisions, when saved)
 * GET    /api/drafts/{name}    one draft with its text
 * PUT    /api/drafts/{name}    {"text", "file"?, "based_on"?} saves it; with based_on (a revision, or null for
 *                              "none yet") only over that version, else 409 draft_newer and the stored one's revision
 * DELETE /api/drafts/{name}    deletes it
 * </pre>
 */
final class DraftApi {
    static final String FORMAT = "verdant.draft/1";
    static final String LIST_FORMAT = "verdant.drafts/1";

    private final Drafts drafts;

    DraftApi(Archive archive) {
        this.drafts = Drafts.of(archive);
    }

    void list(Context ctx) throws Fault {
        ObjectNode root = ApiJson.NODES.objectNode();
        root.put("format", LIST_FORMAT);
        ArrayNode all = root.putArray("drafts");
        for (Drafts.Draft d : drafts.list(Actors.of(ctx))) all.add(json(d));
        Api.json(ctx, 200, ApiJson.write(root));
    }

    void get(Context ctx) throws Fault, ApiException {
        String name = name(ctx);
        Drafts.Draft d = drafts.get(Actors.of(ctx), name).orElseThrow(() -> missing(name));
        Api.json(ctx, 200, ApiJson.write(json(d)));
    }

    void put(Context ctx) throws Fault, ApiException {
        String name = name(ctx);
        JsonNode body;
        try {
            body = Json.READER.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject() || !body.path("text").isTextual() || !(body.path("file").isMissingNode() || body.path("file").isTextual()
                || body.path("file").isNull()) || !(body.path("based_on").isMissingNode() || body.path("based_on").isNull() || body.path("based_on").canConvertToLong())) {
            throw ApiException.badRequest("草稿须为 JSON：{\"text\": 文本, \"file\": 文件名（可省略）, \"based_on\": 所基于的修订号（可省略）}",
                    "a draft is JSON: {\"text\": TEXT, \"file\": FILE NAME (optional), \"based_on\": REVISION it was based on (optional)}");
        }
        String text = body.path("text").asText();
        if (text.getBytes(StandardCharsets.UTF_8).length > Drafts.MAX_TEXT_BYTES) {
            throw new ApiException(413, "too_large", new Text("草稿超过 " + Drafts.MAX_TEXT_BYTES + " 字节（1 MiB）的上限",
                    "the draft is larger than " + Drafts.MAX_TEXT_BYTES + " bytes (1 MiB), the limit"));
        }
        boolean conditional = body.has("based_on");
        Long basedOn = conditional && !body.get("based_on").isNull() ? body.get("based_on").asLong() : null;
        String file = body.path("file").isTextual() ? body.path("file").asText() : null;
        try {
            Api.json(ctx, 200, ApiJson.write(json(drafts.put(Actors.of(ctx), name, file, text, conditional, basedOn))));
        } catch (Drafts.Newer n) {
            Drafts.Draft stored = n.stored();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("revision", stored == null ? null : stored.revision());
            details.put("saved_at", stored == null ? null : stored.savedAt());
            Text message = stored == null
                    ? new Text("服务器上已没有草稿“" + name + "”（在别处被删除了）；确认后再保存", "the draft '" + name + "' is no longer on the server (deleted elsewhere); confirm to save it again")
                    : new Text("服务器上的草稿“" + name + "”较新（第 " + stored.revision() + " 版，保存于 " + stored.savedAt() + "）；确认后才会被覆盖",
                    "the server's draft '" + name + "' is newer (revision " + stored.revision() + ", saved " + stored.savedAt() + "); it is overwritten only once you confirm");
            throw new ApiException(409, "draft_newer", message, null, details);
        }
    }

    void delete(Context ctx) throws Fault, ApiException {
        String name = name(ctx);
        if (!drafts.delete(Actors.of(ctx), name)) throw missing(name);
        ctx.status(204);
    }

    private static String name(Context ctx) throws ApiException {
        String name = ctx.pathParam("name");
        if (!Drafts.validName(name)) {
            throw ApiException.badRequest("草稿名称只能由字母、数字和 . _ - 组成，至多 64 个字符：" + Api.clip(name),
                    "a draft's name has letters, digits, '.', '_' and '-' only, at most 64 of them: " + Api.clip(name));
        }
        return name;
    }

    private static ApiException missing(String name) {
        return ApiException.notFound("没有名为“" + name + "”的草稿", "no draft named '" + name + "'");
    }

    private static ObjectNode json(Drafts.Draft d) {
        ObjectNode o = ApiJson.NODES.objectNode();
        o.put("format", FORMAT);
        o.put("name", d.name());
        if (d.fileName() == null) o.putNull("file"); else o.put("file", d.fileName());
        o.put("revision", d.revision());
        o.put("saved_at", d.savedAt());
        if (d.text() != null) o.put("text", d.text());
        return o;
    }
}
