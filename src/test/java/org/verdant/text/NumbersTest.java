package org.verdant.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {
    @Test
    void figuresTheEngineTellsApartNeverPrintAlike() {
        assertThat(Numbers.apart(0.20001, 0.2)).containsExactly("0.20001", "0.2");
        assertThat(Numbers.apart(0.2, 0.20001)).containsExactly("0.2", "0.20001");
        assertThat(Numbers.apart(1680.00002, 1680)).containsExactly("1680.00002", "1680");
        assertThat(Numbers.apart(0.30000067, 0.3)).containsExactly("0.300001", "0.3");
        // one collision widens only the figures that collide
        assertThat(Numbers.apart(89.99999, 90, 80)).containsExactly("89.99999", "90", "80");
        // figures that do not collide keep the usual digits
        assertThat(Numbers.apart(0.123456, 0.2)).containsExactly("0.1235", "0.2");
        assertThat(Numbers.apart(98.33333, 100)).containsExactly("98.3333", "100");
    }

    @Test
    void figuresTheEngineTakesForEqualPrintAlike() {
        // within its relative 1e-9: a rule meets the level, and the words say the same figure
        assertThat(Numbers.apart(0.1 + 0.2, 0.3)).containsExactly("0.3", "0.3");
        assertThat(Numbers.apart(0.12345, 0.1234499999999)).containsExactly("0.1235", "0.1235");
        assertThat(Numbers.apart(List.of(5.0, 5.0))).containsExactly("5", "5");
    }

    @Test
    void noFiguresOrOneFigure() {
        assertThat(Numbers.apart(List.of())).isEmpty();
        assertThat(Numbers.apart(0.000123)).containsExactly("0.000123");
        assertThat(Numbers.apart(Double.NaN, 0.2)).hasSize(2);
    }

    @Test
    void largeFiguresInChineseCountInWanAndYi() {
        assertThat(Numbers.forPeople(1.8e6, "zh")).isEqualTo("180 万");
        assertThat(Numbers.forPeople(2.3e5, "zh")).isEqualTo("23 万");
        assertThat(Numbers.forPeople(1.52e8, "zh")).isEqualTo("1.52 亿");
        assertThat(Numbers.forPeople(12000, "zh")).isEqualTo("1.2 万");
        assertThat(Numbers.forPeople(-450000, "zh")).isEqualTo("-45 万");
        // every digit is kept: where 万 would need more decimals than a figure shows, the digits stay
        assertThat(Numbers.forPeople(76190.4762, "zh")).isEqualTo("76190.4762");
        assertThat(Numbers.forPeople(123456789, "zh")).isEqualTo("12345.6789 万");
        assertThat(Numbers.forPeople(9999, "zh")).isEqualTo("9999");
        assertThat(Numbers.forPeople(0.3, "zh")).isEqualTo("0.3");
    }

    @Test
    void figuresReadTogetherAreWrittenAlike() {
        // 76190.4762 cannot be written in 万 with four decimals: its neighbours keep their digits too
        assertThat(Numbers.forPeople(List.of("76190.4762", "90000", "70000"), "zh")).containsExactly("76190.4762", "90000", "70000");
        assertThat(Numbers.forPeople(List.of("12000", "14000", "11000"), "zh")).containsExactly("1.2 万", "1.4 万", "1.1 万");
        assertThat(Numbers.inText("76190.4762 m3 ÷ 120000 t", "zh")).isEqualTo("76190.4762 m3 ÷ 120000 t");
        assertThat(Numbers.inText("7.6e4 m3 ÷ 1.2e5 t", "zh")).isEqualTo("7.6 万 m3 ÷ 12 万 t");
    }

    @Test
    void largeFiguresInEnglishAreGrouped() {
        assertThat(Numbers.forPeople(1.8e6, "en")).isEqualTo("1,800,000");
        assertThat(Numbers.forPeople(76190.4762, "en")).isEqualTo("76,190.4762");
        assertThat(Numbers.forPeople(-123456789, "en")).isEqualTo("-123,456,789");
        assertThat(Numbers.forPeople(9999, "en")).isEqualTo("9999");
    }

    @Test
    void scientificNotationNeverReachesAPerson() {
        assertThat(Numbers.forPeople(1e21, "zh")).doesNotContainIgnoringCase("e");
        assertThat(Numbers.inText("450000 tCO2 ÷ 1.5e6 tce = 0.3 tCO2e/tce", "zh")).isEqualTo("45 万 tCO2 ÷ 150 万 tce = 0.3 tCO2e/tce");
        assertThat(Numbers.inText("450000 tCO2 ÷ 1.5e6 tce = 0.3 tCO2e/tce", "en")).isEqualTo("450,000 tCO2 ÷ 1,500,000 tce = 0.3 tCO2e/tce");
        assertThat(Numbers.inText("1.52e8 m3 ÷ (1.52e8 m3 + 8.0e6 m3) = 95 %", "zh")).isEqualTo("1.52 亿 m3 ÷ (1.52 亿 m3 + 800 万 m3) = 95 %");
        assertThat(Numbers.inText("tier ≥ 1000000 tce (annual energy 1500000 tce)", "zh")).isEqualTo("tier ≥ 100 万 tce (annual energy 150 万 tce)");
    }

    @Test
    void digitsThatAreNotFiguresAreLeftAlone() {
        for (String s : List.of("GB 21346-2022 level 2", "GB/T 36132-2018 5.3.4", "GB/T 36132 附录 B", "2028-01-19",
                "park.enterprise_products[12000].energy", "证书 00122E33310R2L/1300", "sha256:12345abcdef",
                "91110000MA01ABCDE", "发改环资〔2025〕910号", "HJ 12345")) {
            assertThat(Numbers.inText(s, "zh")).as(s).isEqualTo(s);
        }
    }

    @Test
    void sentencesShowTheirFiguresTogether() {
        Messages zh = new Messages("zh");
        Messages en = new Messages("en");
        String zhReason = zh.get("threshold.not_met", new Amount(0.20001, "t/t"), new Amount(0.2, "t/t"), "lower");
        assertThat(zhReason).contains("0.20001 t/t").contains("0.2 t/t");
        assertThat(en.get("threshold.not_met", new Amount(1.8e6, "t"), new Amount(1.5e6, "t"), "lower"))
                .contains("1,800,000 t").contains("1,500,000 t");
        assertThat(zh.get("threshold.not_met", new Amount(1.8e6, "t"), new Amount(1.5e6, "t"), "lower"))
                .contains("180 万 t").contains("150 万 t");
        // plain double arguments too
        assertThat(zh.get("threshold.not_met", 0.20001, 0.2, "lower")).contains("指标值 0.20001 未达到门槛 0.2（");
    }
}
