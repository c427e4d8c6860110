package org.verdant.serve;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluator's and the regulator's pages take every word from the message bundles (through
 * /api/messages, as the enterprise page does), not from tables in their scripts: no Chinese in the
 * scripts, and every word they ask for is in both bundles.
 */
class WebWordsTest {
    /** Han characters and the full-width and CJK punctuation that only a Chinese text uses. */
    private static final Pattern CHINESE = Pattern.compile("[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]");
    /** A word asked for in a script by its key: t("key") or t("key", …), not a key made up at run time (t("status." + s)). */
    private static final Pattern ASKED = Pattern.compile("\\bt\\(\"([a-z_.]+)\"\\s*[,)]");
    private static final Pattern DATA_T = Pattern.compile("data-t=\"([a-z_.]+)\"");

    private static String page(String name) throws IOException {
        try (InputStream in = WebWordsTest.class.getResourceAsStream("/org/verdant/web/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("org.verdant.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @Test
    void theScriptsHoldNoWordsOfTheirOwn() throws IOException {
        for (String script : List.of("evaluator.js", "regulator.js", "words.js")) {
            List<String> lines = new ArrayList<>();
            String[] all = page(script).split("\n", -1);
            for (int i = 0; i < all.length; i++) {
                if (CHINESE.matcher(all[i]).find()) lines.add(script + ":" + (i + 1) + ": " + all[i].strip());
            }
            assertThat(lines).as("Chinese in " + script + " (it belongs in messages_zh.properties)").isEmpty();
        }
    }

    /** The pages' shared helpers are written once, in words.js, which both pages load before their own script. */
    @Test
    void theHelpersBothPagesUseAreWrittenOnce() throws IOException {
        for (String pageName : List.of("evaluator", "regulator")) {
            String script = page(pageName + ".js");
            for (String helper : List.of("el", "say", "call")) {
                assertThat(script).as(pageName + ".js writes its own " + helper + "()").doesNotContainPattern("function\\s+" + helper + "\\s*\\(");
            }
            assertThat(script).contains("const { el, say, call } = Page;");
            String html = page(pageName + ".html");
            assertThat(html.indexOf("src=\"/words.js\"")).as(pageName + ".html loads words.js before its script")
                    .isPositive().isLessThan(html.indexOf("src=\"/" + pageName + ".js\""));
        }
        assertThat(page("words.js")).contains("function el(", "function say(", "async function call(");
    }

    @Test
    void everyWordAPageAsksForIsInBothBundles() throws IOException {
        ResourceBundle zh = bundle(Locale.SIMPLIFIED_CHINESE);
        ResourceBundle en = bundle(Locale.ENGLISH);
        for (String pageName : List.of("evaluator", "regulator")) {
            Set<String> asked = new TreeSet<>();
            Matcher m = ASKED.matcher(page(pageName + ".js"));
            while (m.find()) asked.add(m.group(1));
            m = DATA_T.matcher(page(pageName + ".html"));
            while (m.find()) asked.add(m.group(1));
            assertThat(asked).as(pageName).hasSizeGreaterThan(20);
            List<String> missing = new ArrayList<>();
            for (String key : asked) {
                // as words.js resolves them: the page's own web.<page>.<key>, else the key as written (web.nav.*, status.*)
                String own = "web." + pageName + "." + key;
                for (ResourceBundle b : List.of(zh, en)) {
                    if (!b.containsKey(own) && !b.containsKey(key)) missing.add(b.getLocale() + " " + key);
                }
            }
            assertThat(missing).as(pageName + ": words asked for that no bundle has").isEmpty();
            // the statuses the pages name: status.* of both bundles
            for (String status : List.of("met", "partly_met", "not_met", "not_applicable", "missing_data")) {
                assertThat(zh.containsKey("status." + status) && en.containsKey("status." + status)).isTrue();
            }
        }
        Set<String> zhKeys = new TreeSet<>();
        Set<String> enKeys = new TreeSet<>();
        zh.keySet().stream().filter(k -> k.startsWith("web.evaluator.") || k.startsWith("web.regulator.")).forEach(zhKeys::add);
        en.keySet().stream().filter(k -> k.startsWith("web.evaluator.") || k.startsWith("web.regulator.")).forEach(enKeys::add);
        assertThat(enKeys).as("the same words in English as in Chinese").isEqualTo(zhKeys);
        assertThat(zh.getString("web.regulator.title")).isEqualTo("异议复核");
        assertThat(en.getString("web.evaluator.title")).isEqualTo("Evaluator's review");
    }
}
