package org.verdant.rulebook;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Chinese title of every source the rulebook has read, by its English title. A verdict
 * carries its provenance as English text (the JSON's, unchanged); a renderer for people shows the
 * same text in Chinese by putting each source's Chinese title in place of its English one. Titles
 * are registered as the files are read, so a source title a verdict cites is always known here.
 */
public final class SourceTitles {
    private static final Map<String, String> ZH_BY_EN = new ConcurrentHashMap<>();

    private SourceTitles() {
    }

    static void register(String en, String zh) {
        if (en != null && zh != null && !en.equals(zh)) ZH_BY_EN.put(en, zh);
    }

    /** The provenance text in {@code lang}: in Chinese, each known English source title put in Chinese. */
    public static String in(String text, String lang) {
        if (text == null || !"zh".equals(lang) || ZH_BY_EN.isEmpty()) return text;
        List<String> titles = ZH_BY_EN.keySet().stream().filter(text::contains)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        String out = text;
        for (String en : titles) out = out.replace(en, ZH_BY_EN.get(en));
        return out;
    }
}
