package org.verdant.serve;

import io.javalin.http.Context;
import org.verdant.access.Access;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveIntegrity;
import org.verdant.archive.ArchiveJson;
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
     * GET or POST /api/archive/verify[?head=sha256:…]: {@code archive verify --all}, as
     * {@code verdant.archive-integrity/1}. A damaged archive is an answer (200, {@code intact:
     * false}, the breaks first one first), not an error: the request itself succeeded.
     */
    void verify(Context ctx) throws Fault {
        // it reads every record: in the access log like any other read, refused or not
        log.require(ctx, Access.Action.RULE, "VERIFY", null);
        String head = ctx.queryParam("head");
        ArchiveIntegrity r = archive.verifyAll(head == null || head.isBlank() ? null : head.strip());
        log.write(ctx, "VERIFY", null, null, "ok");
        Api.json(ctx, 200, ArchiveJson.integrity(r));
    }
}
