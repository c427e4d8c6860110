package org.verdant.app;

import org.verdant.evaluation.Evaluator;
import org.verdant.text.Messages;

/**
 * What a request asks to be evaluated against and written in: an edition, an indicator table
 * (GB/T 36132-2025: an id or a table file), a grading table (null for the defaults) and the
 * language of everything written ("zh" or "en").
 */
public record Settings(String edition, String table, String grading, String lang) {
    public Settings {
        if (lang == null) lang = "zh";
    }

    public static Settings defaults() {
        return new Settings(null, null, null, "zh");
    }

    public Settings withLang(String other) {
        return new Settings(edition, table, grading, other);
    }

    public Settings withEdition(String other) {
        return new Settings(other, table, grading, lang);
    }

    public Messages messages() {
        return new Messages(lang);
    }

    Evaluator.Options evaluatorOptions() {
        return new Evaluator.Options(edition, table, grading);
    }
}
