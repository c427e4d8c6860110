package org.verdant.serve;

import io.javalin.http.Context;
import org.verdant.access.Actor;

/**
 * The person behind a request. Authentication (accounts, sessions, tokens) puts the signed-in
 * {@link Actor} on the request before any route runs; every route asks here and hands the actor
 * to {@link org.verdant.access.Access}, so the checks live in one place.
 */
final class Actors {
    static final String ATTRIBUTE = "verdant.actor";

    private Actors() {
    }

    /** The request's actor; the local single-user mode's operator when no account signed in. */
    static Actor of(Context ctx) {
        Actor a = ctx.attribute(ATTRIBUTE);
        return a != null ? a : Actor.localOperator();
    }

    static void set(Context ctx, Actor actor) {
        ctx.attribute(ATTRIBUTE, actor);
    }
}
