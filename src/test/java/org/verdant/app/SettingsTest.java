package org.verdant.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A request's messages are the run's messages of its language: not made again per request. */
class SettingsTest {
    @Test
    void messagesAreOnePerLanguage() {
        Settings zh = Settings.defaults();
        assertThat(zh.messages()).isSameAs(Settings.defaults().messages());
        assertThat(zh.messages().lang()).isEqualTo("zh");
        Settings en = zh.withLang("en");
        assertThat(en.messages()).isSameAs(en.withEdition("GB/T 36132-2018").messages());
        assertThat(en.messages().lang()).isEqualTo("en");
        assertThat(en.messages().get("doc.yes")).isNotEqualTo(zh.messages().get("doc.yes"));
    }
}
