package org.verdant.serve;

import io.javalin.http.Context;
import org.verdant.access.Access;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveIntegrity;
import org.verdant.archive.ArchiveJson;
import org.verdant.archive.TableChain;
import org.verdant.fault.Fault;

/** The archive as a whole: its integrity check, for whoever may rule (a regulator). */
final class ArchiveApi {
    private final Archive archive;
    private final AccessLog log;

    ArchiveApi(Archive archive, AccessLog log) {
        this.archive = archive;
        this.log = log;
    }

    /**
     * GET or POST /api/archive/verify[?head=sha256:…][&head=TABLE=sha256:…]…: {@code archive verify --all}, as
     * {@code verdant.archive-integrity/1}. A damaged archive is an answer (200, {@code intact:
     * false}, the breaks first one first), not an error: the request itself succeeded.
     */
    void verify(Context ctx) throws Fault, ApiException {
        // it reads every record: in the access log like any other read, refused or not
        log.require(ctx, Access.Action.RULE, "VERIFY", null);
        java.util.Map<String, String> heads = new java.util.LinkedHashMap<>();
        for (String h : ctx.queryParams("head")) {
            if (h.isBlank()) continue;
            int eq = h.indexOf('=');
            String table = eq < 0 ? ArchiveIntegrity.Break.EVALUATION : h.substring(0, eq).strip();
            if (!table.equals(ArchiveIntegrity.Break.EVALUATION) && TableChain.Table.named(table) == null) {
                throw ApiException.badRequest("head：没有名为 " + table + " 的链表（可用：" + TableChain.Table.names() + "）",
                        "head: there is no chained table named " + table + " (there are: " + TableChain.Table.names() + ")");
            }
            heads.put(table, h.substring(eq + 1).strip());
        }
        ArchiveIntegrity r = archive.verifyAgainst(heads);
        log.write(ctx, "VERIFY", null, null, "ok");
        Api.json(ctx, 200, ArchiveJson.integrity(r));
    }
}
