package org.verdant.submission;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The texts of the reader's consistency problems, kept in the message bundles with a Chinese and
 * an English text. Reader problems carry no language yet (every reader problem is English, see
 * docs/serve.md), so they are formatted from the English bundle; the Chinese texts are ready for
 * the day problems are rendered in the reader's language.
 */
final class ReaderText {
    private static final ResourceBundle EN = ResourceBundle.getBundle("org.verdant.messages", Locale.ENGLISH,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private ReaderText() {
    }

    /** The text of {@code key} with {@code args} put in as written ({@code 2025}, not MessageFormat's {@code 2,025}). */
    static String get(String key, Object... args) {
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) texts[i] = String.valueOf(args[i]);
        return new MessageFormat(EN.getString(key).replace("'", "''"), Locale.ROOT).format(texts);
    }
}
