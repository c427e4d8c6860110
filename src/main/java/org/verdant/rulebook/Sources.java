package org.verdant.rulebook;

import org.verdant.text.Text;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sources one rulebook (or one indicator table read from its own file) cites, in both
 * languages: every citation text its figures carry ({@code title (see): detail}, the English text
 * a verdict's JSON keeps) and every source title, each with its Chinese text. A verdict carries
 * the sources of the rulebook it was judged by, so two rulebooks in one process never mix titles.
 */
public final class Sources {
    public static final Sources NONE = new Sources(Map.of());

    /** Each English text (a citation or a title) with both its texts; longest first, so a citation wins over its title. */
    private final Map<String, Text> byEnglish;
    private final List<String> longestFirst;

    private Sources(Map<String, Text> byEnglish) {
        this.byEnglish = Map.copyOf(byEnglish);
        this.longestFirst = byEnglish.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder())).toList();
    }

    /** The citation or title with this English text, in both languages (null: not one of these sources). */
    public Text of(String english) {
        return byEnglish.get(english);
    }

    /** A provenance text in {@code lang}: in Chinese, each citation and title of these sources it contains put in Chinese. */
    public String in(String text, String lang) {
        if (text == null || !"zh".equals(lang) || byEnglish.isEmpty()) return text;
        String out = text;
        for (String en : longestFirst) {
            if (out.contains(en)) out = out.replace(en, byEnglish.get(en).zh());
        }
        return out;
    }

    /** These sources and {@code other}'s (an indicator table read from its own file). */
    public Sources with(Sources other) {
        if (other == null || other.byEnglish.isEmpty()) return this;
        if (byEnglish.isEmpty()) return other;
        Map<String, Text> all = new LinkedHashMap<>(byEnglish);
        all.putAll(other.byEnglish);
        return new Sources(all);
    }

    /** Collects the texts as the files are read. */
    static final class Builder {
        private final Map<String, Text> byEnglish = new LinkedHashMap<>();

        void add(Text t) {
            if (t != null && t.en() != null && t.zh() != null && !t.en().equals(t.zh())) byEnglish.putIfAbsent(t.en(), t);
        }

        Sources build() {
            return byEnglish.isEmpty() ? NONE : new Sources(byEnglish);
        }
    }
}
