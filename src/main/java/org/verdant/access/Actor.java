package org.verdant.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * The person behind a request, as the face that authenticated them supplies it: the service from
 * its accounts, the CLI and the local single-user service as {@link #localOperator()}.
 *
 * @param id          a stable account id (what the access log and every record name)
 * @param roles       what this person may do
 * @param creditCodes an enterprise's own facilities, or an evaluator's assigned applicants
 *                    (unified social credit codes); ignored for the other roles
 */
public record Actor(String id, Set<Role> roles, Set<String> creditCodes) {
    /** The id of the one person of the local single-user mode. */
    public static final String LOCAL_ID = "local";

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        creditCodes = Set.copyOf(creditCodes);
    }

    /** The local single-user mode: one person on their own machine, who may play every role. */
    public static Actor localOperator() {
        return new Actor(LOCAL_ID, EnumSet.allOf(Role.class), Set.of());
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    public boolean isLocalOperator() {
        return LOCAL_ID.equals(id) && roles.containsAll(EnumSet.allOf(Role.class));
    }
}
