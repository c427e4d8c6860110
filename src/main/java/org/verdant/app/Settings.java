package org.verdant.app;

import org.verdant.assessment.Assessment;
import org.verdant.evaluation.Evaluator;
import org.verdant.text.Messages;

/**
 * What a request asks to be evaluated against and written in: an edition, an indicator table
 * (GB/T 36132-2025: an id or a table file), a grading table (null for the defaults), the
 * language of everything written ("zh" or "en") and an evaluator's assessment of the claims
 * (null: the claims as the applicant made them; read one with {@link Application#assessment}).
 */
public record Settings(String edition, String table, String grading, String lang, Assessment assessment) {
    public Settings {
        if (lang == null) lang = "zh";
    }

    public Settings(String edition, String table, String grading, String lang) {
        this(edition, table, grading, lang, null);
    }

    public static Settings defaults() {
        return new Settings(null, null, null, "zh");
    }

    public Settings withLang(String other) {
        return new Settings(edition, table, grading, other, assessment);
    }

    public Settings withEdition(String other) {
        return new Settings(other, table, grading, lang, assessment);
    }

    public Settings withAssessment(Assessment other) {
        return new Settings(edition, table, grading, lang, other);
    }

    /**
     * The messages of this language: one per language for the whole run (a {@code Messages} holds
     * nothing of a request and may be shared between threads; making one per request looked its
     * bundle up again). Other language codes (read as Chinese) get their own each time.
     */
    public Messages messages() {
        return switch (lang) {
            case "zh" -> ZH;
            case "en" -> EN;
            default -> new Messages(lang);
        };
    }

    private static final Messages ZH = new Messages("zh");
    private static final Messages EN = new Messages("en");

    Evaluator.Options evaluatorOptions() {
        return new Evaluator.Options(edition, table, grading, assessment);
    }
}
