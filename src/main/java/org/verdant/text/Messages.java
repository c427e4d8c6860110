package org.verdant.text;

import org.verdant.facts.Derive;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Reasons and labels in the reader's language (zh by default, en on request). */
public final class Messages {
    private final ResourceBundle bundle;
    private final String lang;
    /** What is worked out once per bundle and shared by every {@code Messages} of it (batch makes one per evaluation). */
    private final Shared shared;

    public Messages(String lang) {
        this.lang = lang;
        Locale locale = "en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        this.bundle = ResourceBundle.getBundle("org.verdant.messages", locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.shared = SHARED.computeIfAbsent(bundle, b -> new Shared());
    }

    /**
     * Per bundle: its patterns parsed, its phrases without arguments, its words. They depend on the
     * bundle's texts only (not on the language asked for, which only chooses the bundle).
     */
    private static final class Shared {
        final java.util.Map<String, Template> formats = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.Map<String, String> plain = new java.util.concurrent.ConcurrentHashMap<>();
        volatile java.util.Map<String, String> words;
    }

    /** By bundle (held weakly: the bundles' own cache may let one go and read it again). */
    private static final java.util.Map<ResourceBundle, Shared> SHARED =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    public String lang() {
        return lang;
    }

    /** Whether this language has a text for {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String get(String key, Object... args) {
        if (args.length == 0) {
            // a phrase without arguments (a label, a word, a grade's reason) reads the same every time
            String known = shared.plain.get(key);
            if (known != null) return known;
            String text = render(key, args);
            if (bundle.containsKey(key)) shared.plain.put(key, text); // only the bundle's own keys: it bounds them
            return text;
        }
        return render(key, args);
    }

    private String render(String key, Object... args) {
        // parsed once per key; the bundle is asked only the first time
        Template template = shared.formats.get(key);
        if (template == null) {
            String pattern;
            try {
                pattern = bundle.getString(key);
            } catch (MissingResourceException e) {
                return key + (args.length == 0 ? "" : " " + List.of(args));
            }
            template = shared.formats.computeIfAbsent(key, k -> Template.of(pattern));
        }
        Object[] formatted = new Object[args.length];
        // the figures of one sentence (a value and the levels it is compared with) are shown together
        List<Integer> figures = null;
        List<Double> values = null;
        for (int i = 0; i < args.length; i++) {
            Double figure = args[i] instanceof Double || args[i] instanceof Float ? (Double) ((Number) args[i]).doubleValue()
                    : args[i] instanceof Amount a ? a.value() : null;
            if (figure == null) {
                formatted[i] = display(args[i]);
                continue;
            }
            if (figures == null) {
                figures = new java.util.ArrayList<>(args.length);
                values = new java.util.ArrayList<>(args.length);
            }
            figures.add(i);
            values.add(figure);
        }
        if (figures != null) {
            List<String> shown = Numbers.forPeople(Numbers.apart(values), lang);
            for (int k = 0; k < figures.size(); k++) {
                String figure = shown.get(k);
                String unit = args[figures.get(k)] instanceof Amount a ? a.unit() : null;
                formatted[figures.get(k)] = unit == null || unit.isEmpty() ? figure : figure + " " + unit;
            }
        }
        return template.format(formatted);
    }

    /**
     * A message's pattern, parsed once. Every argument reaches it as text (figures and words are
     * written out above) and every quote in a text is literal, so a pattern whose placeholders are
     * all plain ({@code {0}}) is its literal parts with the arguments between them, as
     * {@link MessageFormat} would write it; any other pattern goes through a {@link MessageFormat}.
     */
    private interface Template {
        String format(Object[] args);

        static Template of(String pattern) {
            List<String> literals = new java.util.ArrayList<>();
            List<Integer> indexes = new java.util.ArrayList<>();
            StringBuilder literal = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c != '{') {
                    literal.append(c);
                    continue;
                }
                int close = pattern.indexOf('}', i);
                String index = close < 0 ? "" : pattern.substring(i + 1, close);
                if (index.isEmpty() || index.length() > 4 || !index.chars().allMatch(d -> d >= '0' && d <= '9')) {
                    MessageFormat format = new MessageFormat(pattern.replace("'", "''"), Locale.ROOT);
                    // each use formats with its own copy (a MessageFormat is not thread-safe)
                    return args -> ((MessageFormat) format.clone()).format(args);
                }
                literals.add(literal.toString());
                literal.setLength(0);
                indexes.add(Integer.parseInt(index));
                i = close;
            }
            literals.add(literal.toString());
            String[] parts = literals.toArray(new String[0]);
            int[] at = indexes.stream().mapToInt(Integer::intValue).toArray();
            return args -> {
                StringBuilder out = new StringBuilder(parts[0]);
                for (int k = 0; k < at.length; k++) {
                    // as MessageFormat: a missing argument is written as its placeholder, null as "null"
                    out.append(at[k] < args.length ? String.valueOf(args[at[k]]) : "{" + at[k] + "}").append(parts[k + 1]);
                }
                return out.toString();
            };
        }
    }

    public String get(String key, List<Object> args) {
        return get(key, args.toArray());
    }

    /** A message used as another message's argument (a list of them is joined), rendered in the same language. */
    public record Phrase(String key, List<Object> args) {
    }

    /** Either of two fields, as a missing input is written ("A | B"): the paths stay codes, the "or" is a word (h14-last). */
    private static final java.util.regex.Pattern EITHER = java.util.regex.Pattern.compile("(?<=[\\w\\]]) \\| (?=[a-z])");

    private String either(String s) {
        if (!s.contains(" | ") || !bundle.containsKey("field.or")) return s;
        return EITHER.matcher(s).replaceAll(java.util.regex.Matcher.quoteReplacement(bundle.getString("field.or")));
    }

    /**
     * The bundle's words ({@code word.<code>}: system names, directions) by code, read once: every
     * text argument is looked up, and building its key and asking the bundle for each cost more than
     * the look-up.
     */
    private java.util.Map<String, String> words() {
        java.util.Map<String, String> w = shared.words;
        if (w == null) {
            java.util.Map<String, String> all = new java.util.HashMap<>();
            for (String key : bundle.keySet()) if (key.startsWith("word.")) all.put(key.substring("word.".length()), bundle.getString(key));
            shared.words = w = java.util.Map.copyOf(all);
        }
        return w;
    }

    /** Numbers for people ({@link Numbers#forPeople}), figures side by side kept apart ({@link Numbers#apart}); words (system names, directions) translated. */
    private String display(Object o) {
        if (o instanceof Phrase p) return get(p.key(), p.args());
        if (o instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(Phrase.class::isInstance)) {
            return String.join(get("list.separator"), l.stream().map(this::display).toList());
        }
        if (o instanceof FormattedNumber n) return display(n.toString()); // as the text it stands for
        if (o instanceof Double d) return Numbers.format(d);
        if (o instanceof Float f) return Numbers.format(f);
        if (o instanceof Number n) return n.toString();
        if (o instanceof String s) {
            String word = words().get(s);
            return word != null ? word : Numbers.inText(either(s), lang);
        }
        return String.valueOf(o);
    }
}
