package org.verdant.access;

import org.verdant.fault.Fault;
import org.verdant.fault.InBoth;
import org.verdant.text.Text;

/**
 * Who may do what with a facility's records, decided in this one place: the faces only supply the
 * {@link Actor}. An enterprise reaches its own credit codes, an evaluator its assigned applicants,
 * a regulator everything; only a regulator rules on a dispute, only an administrator manages
 * users; the local operator plays every role.
 */
public final class Access {
    private Access() {
    }

    /** What an actor asks to do. */
    public enum Action {
        /** Read a facility's stored evaluations, traces, reports, history and disputes. */
        READ,
        /** Evaluate and store a submission for a facility. */
        FILE,
        /** Mark a facility's claims accepted or not (an evaluator's assessment). */
        ASSESS,
        /** File an objection against a facility's stored evaluation. */
        OBJECT,
        /** Rule on an objection. */
        RULE,
        /** Create, change or remove accounts. */
        MANAGE_USERS,
        /** Keep one's own drafts of a submission on the server (working copies, nobody else's). */
        KEEP_DRAFTS
    }

    /** Whether {@code actor} may do {@code action} for the facility {@code creditCode} (null: no particular facility). */
    public static boolean allows(Actor actor, Action action, String creditCode) {
        if (actor.isLocalOperator()) return true;
        return switch (action) {
            case READ -> actor.is(Role.REGULATOR) || reaches(actor, Role.ENTERPRISE, creditCode) || reaches(actor, Role.EVALUATOR, creditCode);
            case FILE, OBJECT -> reaches(actor, Role.ENTERPRISE, creditCode) || reaches(actor, Role.EVALUATOR, creditCode);
            case ASSESS -> reaches(actor, Role.EVALUATOR, creditCode);
            case RULE -> actor.is(Role.REGULATOR);
            case MANAGE_USERS -> actor.is(Role.ADMINISTRATOR);
            case KEEP_DRAFTS -> actor.is(Role.ENTERPRISE) || actor.is(Role.EVALUATOR) || actor.is(Role.REGULATOR);
        };
    }

    /** Refuses what {@link #allows} does not allow, with a {@link Fault.Kind#FORBIDDEN} fault in both languages. */
    public static void require(Actor actor, Action action, String creditCode) throws Fault {
        if (!allows(actor, action, creditCode)) throw new Forbidden(actor, action, creditCode);
    }

    private static boolean reaches(Actor actor, Role role, String creditCode) {
        return actor.is(role) && creditCode != null && actor.creditCodes().contains(creditCode);
    }

    /** An action the actor's roles do not allow. */
    public static final class Forbidden extends Fault implements InBoth {
        private final Text text;

        Forbidden(Actor actor, Action action, String creditCode) {
            super(Kind.FORBIDDEN, english(actor, action, creditCode));
            this.text = new Text(chinese(actor, action, creditCode), english(actor, action, creditCode));
        }

        @Override
        public Text text() {
            return text;
        }

        private static String chinese(Actor actor, Action action, String code) {
            String what = switch (action) {
                case READ -> "查看";
                case FILE -> "提交申报材料";
                case ASSESS -> "审核申报内容";
                case OBJECT -> "提出异议";
                case RULE -> "裁定异议";
                case MANAGE_USERS -> "管理账户";
                case KEEP_DRAFTS -> "在服务器上保存草稿";
            };
            return "账户“" + actor.id() + "”无权" + what + (code == null ? "" : "（统一社会信用代码 " + code + "）");
        }

        private static String english(Actor actor, Action action, String code) {
            String what = switch (action) {
                case READ -> "read";
                case FILE -> "file a submission";
                case ASSESS -> "assess claims";
                case OBJECT -> "file an objection";
                case RULE -> "rule on an objection";
                case MANAGE_USERS -> "manage accounts";
                case KEEP_DRAFTS -> "keep drafts on the server";
            };
            return "account '" + actor.id() + "' may not " + what + (code == null ? "" : " (credit code " + code + ")");
        }
    }
}
