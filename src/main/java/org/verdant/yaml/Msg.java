package org.verdant.yaml;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A problem's text before it is put into words: a key of the message bundles and its arguments,
 * rendered in the reader's language where the problem is shown (Chinese by default). Arguments are
 * put in as written ({@code 2025}, not MessageFormat's {@code 2,025}; a figure from the file stays
 * as the user wrote it); an argument that is itself a {@code Msg} is rendered in the same language.
 */
public record Msg(String key, List<Object> args) {
    private static final ResourceBundle ZH = bundle(Locale.SIMPLIFIED_CHINESE);
    private static final ResourceBundle EN = bundle(Locale.ENGLISH);

    public Msg {
        args = List.copyOf(args);
    }

    public static Msg of(String key, Object... args) {
        return new Msg(key, List.of(args));
    }

    /** The text in {@code lang} ("en" for English, anything else Chinese); a key with no text in that language falls back to English. */
    public String render(String lang) {
        ResourceBundle bundle = "en".equals(lang) ? EN : ZH;
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            try {
                pattern = EN.getString(key);
            } catch (MissingResourceException e2) {
                return key + (args.isEmpty() ? "" : " " + args);
            }
        }
        Object[] texts = new Object[args.size()];
        for (int i = 0; i < texts.length; i++) texts[i] = shown(args.get(i), lang);
        return new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(texts);
    }

    private static String shown(Object arg, String lang) {
        if (arg instanceof Msg m) return m.render(lang);
        if (arg instanceof org.verdant.text.Text t) return t.in(lang); // a text already written in both languages
        if (arg instanceof org.verdant.units.UnitText u) return new Msg(u.key(), u.args()).render(lang);
        return String.valueOf(arg);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("org.verdant.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
