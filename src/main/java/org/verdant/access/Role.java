package org.verdant.access;

/** Who a person is to Verdant's records: each role sees and does what {@link Access} allows it. */
public enum Role {
    /** An applicant: sees and files only its own facilities (by credit code). */
    ENTERPRISE,
    /** A third-party evaluator: sees and assesses the applicants assigned to it. */
    EVALUATOR,
    /** A regulator: reads everything and rules on disputes. */
    REGULATOR,
    /** Manages users; sees no company's figures by that role alone. */
    ADMINISTRATOR
}
