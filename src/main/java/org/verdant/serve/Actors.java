package org.verdant.serve;

import io.javalin.http.Context;
import org.verdant.access.Actor;

/**
 * The person behind a request. {@link Gate} puts the signed-in {@link Actor} on the request
 * before any route runs (the local operator only on a server started in the local mode); every
 * route asks here and hands the actor to {@link org.verdant.access.Access}, so the checks live in
 * one place.
 */
final class Actors {
    static final String ATTRIBUTE = "verdant.actor";

    private Actors() {
    }

    /** The request's actor; anonymous (allowed nothing) when nobody was put on it: deny by default. */
    static Actor of(Context ctx) {
        Actor a = ctx.attribute(ATTRIBUTE);
        return a != null ? a : Gate.ANONYMOUS;
    }

    static void set(Context ctx, Actor actor) {
        ctx.attribute(ATTRIBUTE, actor);
    }
}
