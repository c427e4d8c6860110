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
    public static final Sources NONE = new Sources(Map.of(), Map.of());

    /** Each English text (a citation or a title) with both its texts; longest first, so a citation wins over its title. */
    private final Map<String, Text> byEnglish;
    private final List<String> longestFirst;
    /** Each citation's English text with the source it cites, so a figure's provenance text leads back to its source. */
    private final Map<String, Source> cited;
    private final List<String> citedLongestFirst;

    private Sources(Map<String, Text> byEnglish, Map<String, Source> cited) {
        this.byEnglish = Map.copyOf(byEnglish);
        this.longestFirst = longestFirst(byEnglish.keySet());
        this.cited = Map.copyOf(cited);
        this.citedLongestFirst = longestFirst(cited.keySet());
    }

    private static List<String> longestFirst(java.util.Collection<String> texts) {
        return texts.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder())).toList();
    }

    /**
     * The source a provenance text cites: the source of the longest citation it contains (a level
     * of an energy-limit row, "GB … level 1 — citation", contains its citation); null when none.
     */
    public Source sourceIn(String provenance) {
        if (provenance == null) return null;
        Source exact = cited.get(provenance);
        if (exact != null) return exact;
        for (String en : citedLongestFirst) if (provenance.contains(en)) return cited.get(en);
        return null;
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

    /**
     * These sources and {@code other}'s (an indicator table read from its own file). Each pair is
     * joined once: every verdict under a table asks for it, and joining sorts every text again.
     */
    public Sources with(Sources other) {
        if (other == null || other.byEnglish.isEmpty() && other.cited.isEmpty()) return this;
        if (byEnglish.isEmpty() && cited.isEmpty()) return other;
        synchronized (joined) {
            return joined.computeIfAbsent(other, this::join);
        }
    }

    /** The joins made, by the other sources (held weakly: a table read again brings its own). */
    private final Map<Sources, Sources> joined = new java.util.WeakHashMap<>();

    private Sources join(Sources other) {
        Map<String, Text> all = new LinkedHashMap<>(byEnglish);
        all.putAll(other.byEnglish);
        Map<String, Source> sources = new LinkedHashMap<>(cited);
        sources.putAll(other.cited);
        return new Sources(all, sources);
    }

    /** Collects the texts as the files are read. */
    static final class Builder {
        private final Map<String, Text> byEnglish = new LinkedHashMap<>();
        private final Map<String, Source> cited = new LinkedHashMap<>();

        void add(Text t) {
            if (t != null && t.en() != null && t.zh() != null && !t.en().equals(t.zh())) byEnglish.putIfAbsent(t.en(), t);
        }

        /** A citation of {@code source} (its title, where it is described, a figure's detail). */
        void add(Source source, Text citation) {
            add(citation);
            if (citation != null && citation.en() != null) cited.putIfAbsent(citation.en(), source);
        }

        Sources build() {
            return byEnglish.isEmpty() && cited.isEmpty() ? NONE : new Sources(byEnglish, cited);
        }
    }
}
