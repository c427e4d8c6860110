package org.verdant.yaml;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Invisible format characters let one company's name display as another's; plain Chinese, Latin and punctuation are text. */
class FormatCharacterTest {
    @Test
    void bidiControlsAndZeroWidthCharactersAreFound() {
        assertThat(Node.formatCharacter("合肥格瑞\u202e司公限有")).isEqualTo(0x202E);
        assertThat(Node.formatCharacter("江苏\u200b水泥")).isEqualTo(0x200B);
        assertThat(Node.formatCharacter("A\u200dB")).isEqualTo(0x200D);
        assertThat(Node.formatCharacter("名称\ufeff")).isEqualTo(0xFEFF);
        assertThat(Node.formatCharacter("\u2066隔离\u2069")).isEqualTo(0x2066);
    }

    @Test
    void ordinaryTextHasNone() {
        assertThat(Node.formatCharacter("江苏金峰水泥集团有限公司（二期）· No.2 Plant — 𠮷野家")).isEqualTo(-1);
    }
}
