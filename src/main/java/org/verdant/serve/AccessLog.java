package org.verdant.serve;

import io.javalin.http.Context;
import org.verdant.access.Access;
import org.verdant.accounts.Accounts;
import org.verdant.fault.Fault;

import java.util.Locale;

/**
 * The access log as every route writes it: who (the request's actor), what (the
 * action, the method and path), which record and facility, and the outcome; a refusal by
 * {@link Access} is logged as {@code denied} before it is answered.
 */
final class AccessLog {
    private final Accounts log;

    AccessLog(Accounts log) {
        this.log = log;
    }

    void write(Context ctx, String action, Long recordId, String creditCode, String outcome) {
        log.log(Actors.of(ctx).id(), action, ctx.method() + " " + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()),
                recordId, creditCode == null ? null : creditCode.toUpperCase(Locale.ROOT), outcome);
    }

    /** {@link Access#require}, a refusal written into the log. */
    void require(Context ctx, Access.Action action, String creditCode) throws Fault {
        require(ctx, action, action.name(), creditCode);
    }

    void require(Context ctx, Access.Action action, String logged, String creditCode) throws Fault {
        require(ctx, action, logged, creditCode, null);
    }

    /** {@link Access#require} for one record: a refusal is logged with the record it was about. */
    void requireFor(Context ctx, Access.Action action, String creditCode, Long recordId) throws Fault {
        require(ctx, action, action.name(), creditCode, recordId);
    }

    private void require(Context ctx, Access.Action action, String logged, String creditCode, Long recordId) throws Fault {
        try {
            Access.require(Actors.of(ctx), action, creditCode == null ? null : creditCode.toUpperCase(Locale.ROOT));
        } catch (Fault f) {
            write(ctx, logged, recordId, creditCode, "denied");
            throw f;
        }
    }

    interface Step<T> {
        T run() throws Exception;
    }

    /** Runs a step whose own checks may refuse (the FORBIDDEN fault): a refusal is logged as denied under {@code action}. */
    <T> T denied(Context ctx, String action, Step<T> step) throws Exception {
        try {
            return step.run();
        } catch (Fault f) {
            if (f.kind() == Fault.Kind.FORBIDDEN) write(ctx, action, null, null, "denied");
            throw f;
        }
    }
}
