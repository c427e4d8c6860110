package org.verdant.accounts;

import org.verdant.access.Actor;
import org.verdant.access.Role;

import java.util.Set;

/** One person who may sign in to the service: a name, roles and (for an enterprise or evaluator) credit codes. */
public record Account(String name, Set<Role> roles, Set<String> creditCodes, String createdAt) {
    public Account {
        roles = Set.copyOf(roles);
        creditCodes = Set.copyOf(creditCodes);
    }

    public Actor actor() {
        return new Actor(name, roles, creditCodes);
    }
}
