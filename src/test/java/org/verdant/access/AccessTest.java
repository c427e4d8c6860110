package org.verdant.access;

import org.junit.jupiter.api.Test;
import org.verdant.fault.Fault;
import org.verdant.fault.InBoth;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.verdant.access.Access.Action.*;

class AccessTest {
    private static final String OWN = "91330000MA2ABCDE1X";
    private static final String OTHER = "91110000MA00000001";

    @Test
    void anEnterpriseReachesOnlyItsOwnFacilities() {
        Actor enterprise = new Actor("acme", Set.of(Role.ENTERPRISE), Set.of(OWN));
        assertThat(Access.allows(enterprise, READ, OWN)).isTrue();
        assertThat(Access.allows(enterprise, FILE, OWN)).isTrue();
        assertThat(Access.allows(enterprise, OBJECT, OWN)).isTrue();
        assertThat(Access.allows(enterprise, READ, OTHER)).isFalse();
        assertThat(Access.allows(enterprise, FILE, OTHER)).isFalse();
        assertThat(Access.allows(enterprise, ASSESS, OWN)).isFalse();
        assertThat(Access.allows(enterprise, RULE, OWN)).isFalse();
        assertThat(Access.allows(enterprise, READ, null)).isFalse();
    }

    @Test
    void anEvaluatorAssessesItsAssignedApplicantsOnly() {
        Actor evaluator = new Actor("cqc", Set.of(Role.EVALUATOR), Set.of(OWN));
        assertThat(Access.allows(evaluator, ASSESS, OWN)).isTrue();
        assertThat(Access.allows(evaluator, READ, OWN)).isTrue();
        assertThat(Access.allows(evaluator, ASSESS, OTHER)).isFalse();
        assertThat(Access.allows(evaluator, READ, OTHER)).isFalse();
        assertThat(Access.allows(evaluator, RULE, OWN)).isFalse();
    }

    @Test
    void aRegulatorReadsEverythingAndRulesButFilesNothing() {
        Actor regulator = new Actor("miit", Set.of(Role.REGULATOR), Set.of());
        assertThat(Access.allows(regulator, READ, OTHER)).isTrue();
        assertThat(Access.allows(regulator, RULE, null)).isTrue();
        assertThat(Access.allows(regulator, FILE, OTHER)).isFalse();
        assertThat(Access.allows(regulator, ASSESS, OTHER)).isFalse();
    }

    @Test
    void anAdministratorManagesUsersAndSeesNoFiguresByThatRoleAlone() {
        Actor admin = new Actor("root", Set.of(Role.ADMINISTRATOR), Set.of(OWN));
        assertThat(Access.allows(admin, MANAGE_USERS, null)).isTrue();
        assertThat(Access.allows(admin, READ, OWN)).isFalse();
    }

    @Test
    void theLocalOperatorPlaysEveryRole() {
        Actor local = Actor.localOperator();
        for (Access.Action a : Access.Action.values()) assertThat(Access.allows(local, a, OTHER)).as(a.name()).isTrue();
        assertThat(new Actor(Actor.LOCAL_ID, Set.of(Role.REGULATOR), Set.of()).isLocalOperator()).isFalse();
    }

    @Test
    void aRefusalIsAForbiddenFaultInBothLanguages() {
        Actor enterprise = new Actor("acme", Set.of(Role.ENTERPRISE), Set.of(OWN));
        assertThatThrownBy(() -> Access.require(enterprise, READ, OTHER))
                .isInstanceOfSatisfying(Fault.class, f -> {
                    assertThat(f.kind()).isEqualTo(Fault.Kind.FORBIDDEN);
                    assertThat(InBoth.message(f, "zh")).isEqualTo("账户“acme”无权查看（统一社会信用代码 " + OTHER + "）");
                    assertThat(InBoth.message(f, "en")).isEqualTo("account 'acme' may not read (credit code " + OTHER + ")");
                });
    }
}
