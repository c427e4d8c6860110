package org.verdant.units;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Why a text is not a quantity, as a key of the message bundles and its arguments (an argument may
 * be another {@code UnitText}); the reader renders it in the user's language ({@code yaml.Msg}).
 */
public record UnitText(String key, List<Object> args) {
    private static final ResourceBundle EN = ResourceBundle.getBundle("org.verdant.messages", Locale.ENGLISH,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    public UnitText {
        args = List.copyOf(args);
    }

    static UnitText of(String key, Object... args) {
        return new UnitText(key, List.of(args));
    }

    /** The English text, for logs and tests. */
    public String english() {
        Object[] texts = new Object[args.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = args.get(i) instanceof UnitText u ? u.english() : String.valueOf(args.get(i));
        }
        return new MessageFormat(EN.getString(key).replace("'", "''"), Locale.ROOT).format(texts);
    }
}
