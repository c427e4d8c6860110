package org.verdant.cli;

import picocli.CommandLine;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The command line's own words (headings, summaries, labels) in Chinese or English, from
 * Output_zh/Output_en.properties; the verdict's words come from org.verdant.messages instead.
 */
final class Words {
    private final ResourceBundle bundle;
    private final String lang;

    Words(String lang) {
        this.lang = "en".equals(lang) ? "en" : "zh";
        this.bundle = ResourceBundle.getBundle("org.verdant.cli.Output", "en".equals(this.lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String lang() {
        return lang;
    }

    boolean english() {
        return "en".equals(lang);
    }

    String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no " + lang + " text for '" + key + "' in org/verdant/cli/Output_" + lang + ".properties", e);
        }
        // apostrophes are text here, never MessageFormat quotes
        if (args.length == 0) return pattern;
        Object[] shown = new Object[args.length];
        // numbers as written (no grouping "1,234"), paths and the rest as their text
        for (int i = 0; i < args.length; i++) shown[i] = String.valueOf(args[i]);
        return new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(shown);
    }

    /** A label for a value a user would otherwise see raw (an enum constant, a code): "label.GROUP.value", else the value. */
    String label(String group, Object value) {
        String key = "label." + group + "." + value;
        return bundle.containsKey(key) ? bundle.getString(key) : String.valueOf(value);
    }

    /** picocli's own message for a parse error, in Chinese for the errors a user meets most. */
    String picocli(CommandLine.ParameterException ex) {
        if (english()) return ex.getMessage();
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            return get("usage.unmatched", String.join(" ", u.getUnmatched()));
        }
        if (ex instanceof CommandLine.MissingParameterException m) {
            return get("usage.missing", m.getMissing().stream().map(a -> a.isOption()
                    ? ((CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel()).collect(Collectors.joining(", ")));
        }
        if (ex instanceof CommandLine.OverwrittenOptionException o) {
            return get("usage.overwritten", o.getOverwritten().isOption() ? ((CommandLine.Model.OptionSpec) o.getOverwritten()).longestName()
                    : o.getOverwritten().paramLabel());
        }
        if (ex.getArgSpec() != null && ex.getValue() != null) {
            String what = ex.getArgSpec().isOption() ? ((CommandLine.Model.OptionSpec) ex.getArgSpec()).longestName() : ex.getArgSpec().paramLabel();
            Iterable<String> candidates = ex.getArgSpec().completionCandidates();
            String choices = candidates == null ? "" : String.join(", ", candidates);
            return choices.isEmpty() ? get("usage.bad_value", what, ex.getValue()) : get("usage.bad_choice", what, ex.getValue(), choices);
        }
        return ex.getMessage();
    }
}
