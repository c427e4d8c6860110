package org.verdant.findings;

/** What a rule found for one criterion. */
public enum Status {
    MET("met"),
    PARTLY_MET("partly_met"),
    NOT_MET("not_met"),
    NOT_APPLICABLE("not_applicable"),
    MISSING_DATA("missing_data");

    private final String code;

    Status(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
