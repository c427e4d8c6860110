package org.verdant.submission;

import java.util.Arrays;
import java.util.Optional;

/** Accident severity as graded by the State Council's accident regulations, least severe first. */
public enum Severity {
    GENERAL("general", "一般"),
    SERIOUS("serious", "较大"),
    MAJOR("major", "重大"),
    ESPECIALLY_MAJOR("especially_major", "特别重大");

    private final String code;
    private final String chinese;

    Severity(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    public static Optional<Severity> parse(String text) {
        String t = text.strip();
        return Arrays.stream(values()).filter(s -> s.code.equalsIgnoreCase(t) || s.chinese.equals(t)
                || (s.chinese + "事故").equals(t)).findFirst();
    }
}
