package org.verdant.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@link Messages} of one bundle shares its parsed patterns, its phrases without arguments
 * and its words (batch makes one per evaluation): whichever instance asks first, in whatever
 * order the languages come, each reads its own bundle's text, and a word code stays a code where
 * the bundle has no word for it.
 */
class MessagesSharedTest {
    private static ResourceBundle bundle(String lang) {
        return ResourceBundle.getBundle("org.verdant.messages", "en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @Test
    void phrasesWithoutArgumentsAndWordsReadTheirOwnBundleWhicheverInstanceAsksFirst() {
        List<String> words = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String lang : round == 1 ? List.of("en", "zh") : List.of("zh", "en")) {
                ResourceBundle b = bundle(lang);
                for (String key : b.keySet()) {
                    Messages fresh = new Messages(lang);
                    String expected = new java.text.MessageFormat(b.getString(key).replace("'", "''"), Locale.ROOT).format(new Object[0]);
                    assertThat(fresh.get(key)).as(lang + " " + key).isEqualTo(expected);
                    assertThat(new Messages(lang).get(key)).as(lang + " " + key).isEqualTo(expected);
                    if (key.startsWith("word.")) {
                        String code = key.substring("word.".length());
                        // a word as an argument: the bundle's word for the code
                        assertThat(new Messages(lang).get("phrase.bilingual", code, code)).as(lang + " " + key)
                                .isEqualTo(b.getString(key));
                        words.add(lang + " " + code);
                    }
                }
            }
        }
        assertThat(words).isNotEmpty();
        assertThat(new Messages("zh").get("phrase.bilingual", "no-such-word-code", "x")).isEqualTo("no-such-word-code");
        assertThat(new Messages("en").get("no.such.key")).isEqualTo("no.such.key");
    }
}
