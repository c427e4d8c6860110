package org.verdant.fault;

/**
 * An option of an evaluation, named as the domain names it. Each face writes it its own way: the
 * CLI as a flag ({@code --grading}), the service as its parameter ({@code grading}).
 */
public enum Option {
    EDITION("edition"),
    TABLE("table"),
    GRADING("grading"),
    LANG("lang"),
    TARGET("target"),
    SET("set"),
    TRACE("trace"),
    FORMAT("format");

    private final String word;

    Option(String word) {
        this.word = word;
    }

    /** The option's name as a word: what a flag or a parameter is made from. */
    public String word() {
        return word;
    }
}
