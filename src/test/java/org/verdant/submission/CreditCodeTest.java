package org.verdant.submission;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreditCodeTest {
    @Test
    void acceptsACodeWithTheRightCheckCharacter() {
        assertThat(CreditCode.checkCharacter("91320500MA1T4K8Q3")).isEqualTo('X');
        assertThat(CreditCode.check("91320500MA1T4K8Q3X")).isNull();
        // a published code (GB 32100-2015 example form)
        assertThat(CreditCode.check("91350100M000100Y43")).isNull();
    }

    @Test
    void explainsWhatIsWrong() {
        assertThat(CreditCode.check("91320500MA1T4K8Q3Y")).contains("check character is 'Y'").contains("'X'");
        assertThat(CreditCode.check("91320500")).contains("18 characters");
        assertThat(CreditCode.check("91320500MA1T4K8Q3I")).contains("'I'");
    }
}
