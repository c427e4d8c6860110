package org.verdant.submission;

import org.verdant.yaml.Msg;

/** The unified social credit code (统一社会信用代码) of GB 32100-2015, with its check character. */
public final class CreditCode {
    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Returns null when the code is well formed, else what is wrong with it, in English (for code and logs). */
    public static String check(String code) {
        Msg problem = problem(code);
        return problem == null ? null : problem.render("en");
    }

    /** Null when the code is well formed, else what is wrong with it, to be put into the reader's words. */
    public static Msg problem(String code) {
        if (code.length() != 18) return Msg.of("problem.credit_code.length", code.length());
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return Msg.of("problem.credit_code.character", i + 1, code.charAt(i));
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return Msg.of("problem.credit_code.check_character", code.charAt(17), expected);
        }
        return null;
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }
}
