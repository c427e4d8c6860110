package org.verdant.text;

import org.junit.jupiter.api.Test;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Messages} writes a message's arguments into its pattern itself where every placeholder
 * is plain (a {@link MessageFormat} per use was a large part of writing a verdict's reasons): every
 * message of both bundles must read exactly as {@link MessageFormat} writes it, with fewer
 * arguments than placeholders, with more, and with quotes, braces and nothing in the arguments.
 */
class MessagesPatternTest {
    @Test
    void everyMessageReadsAsMessageFormatWritesIt() {
        List<String> checked = new ArrayList<>();
        for (String lang : List.of("zh", "en")) {
            Messages messages = new Messages(lang);
            ResourceBundle bundle = ResourceBundle.getBundle("org.verdant.messages", "en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (String key : bundle.keySet()) {
                String pattern = bundle.getString(key);
                for (Object[] args : List.of(new Object[0], new Object[] {"甲a"}, new Object[] {"甲a", "乙'b'", "丙{c}", "", "戊e"},
                        new Object[] {"甲a", "乙b", "丙c", "丁d", "戊e", "己f", "庚g", "辛h", "壬i", "癸j", "子k", "丑l"})) {
                    String expected = new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(args);
                    assertThat(messages.get(key, args)).as(lang + " " + key + " with " + args.length + " arguments").isEqualTo(expected);
                }
                checked.add(lang + " " + key);
            }
        }
        assertThat(checked).hasSizeGreaterThan(1000);
    }

    @Test
    void figuresAndPhrasesAsArgumentsStillReadAsBefore() {
        Messages zh = new Messages("zh");
        Messages en = new Messages("en");
        // a figure beside its levels, a phrase, a missing figure and a count
        assertThat(en.get("perf.basic_only", new Amount(0.20001, "t"), new Amount(0.2, "t"), new Amount(1.5e6, "t")))
                .isEqualTo(new MessageFormat(bundle("en").getString("perf.basic_only").replace("'", "''"), Locale.ROOT)
                        .format(new Object[] {"0.20001 t", "0.2 t", "1,500,000 t"}));
        assertThat(zh.get("perf.basic_only", new Amount(0.20001, "t"), new Amount(0.2, "t"), new Amount(1.5e6, "t")))
                .isEqualTo(new MessageFormat(bundle("zh").getString("perf.basic_only").replace("'", "''"), Locale.ROOT)
                        .format(new Object[] {"0.20001 t", "0.2 t", "150 万 t"}));
        assertThat(en.get("perf.no_reference", new Amount(null, "t"), new Messages.Phrase("phrase.as_is", List.of("x.y"))))
                .isEqualTo(new MessageFormat(bundle("en").getString("perf.no_reference").replace("'", "''"), Locale.ROOT)
                        .format(new Object[] {"—", "x.y"}));
        assertThat(en.get("claim.met", 3)).isEqualTo(new MessageFormat(bundle("en").getString("claim.met").replace("'", "''"), Locale.ROOT)
                .format(new Object[] {"3"}));
        assertThat(en.get("no.such.key", 1, "a")).isEqualTo("no.such.key [1, a]");
    }

    private static ResourceBundle bundle(String lang) {
        return ResourceBundle.getBundle("org.verdant.messages", "en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
