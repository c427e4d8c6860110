package org.verdant.units;

import org.junit.jupiter.api.Test;
import org.verdant.text.Location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QuantityParserTest {
    private static final Location AT = new Location("t.yaml", 1, 1);

    private static Quantity ok(String text, String dimension) {
        QuantityParser.Result r = QuantityParser.parse(text, dimension, AT);
        assertThat(r.error()).as(text).isNull();
        return r.quantity();
    }

    private static String error(String text, String dimension) {
        QuantityParser.Result r = QuantityParser.parse(text, dimension, AT);
        assertThat(r.quantity()).as(text).isNull();
        return r.error();
    }

    @Test
    void areasConvertToSquareMetres() {
        assertThat(ok("150 亩", "area").base()).isCloseTo(100_000, within(1e-6));
        assertThat(ok("15 ha", "area").base()).isEqualTo(150_000);
        assertThat(ok("15 公顷", "area").base()).isEqualTo(150_000);
        assertThat(ok("0.1 km²", "area").base()).isCloseTo(100_000, within(1e-6));
        assertThat(ok("98000 m2", "area").base()).isEqualTo(98_000);
        assertThat(ok("98000m²", "area").in("亩")).isCloseTo(147, within(1e-9));
    }

    @Test
    void energyConvertsToKgceWithElectricityAtTheCalorificEquivalent() {
        assertThat(ok("185000 tce", "energy").base()).isEqualTo(185_000_000);
        assertThat(ok("1 万tce", "energy").in("tce")).isEqualTo(10_000);
        Quantity kwh = ok("1.0e6 kWh", "energy");
        assertThat(kwh.in("tce")).isCloseTo(122.9, within(1e-9));
        assertThat(new org.verdant.text.Messages("zh").get(kwh.unit().note())).contains("0.1229"); // the note is a message key, in each language
    }

    @Test
    void moneyMassVolumeAndGhg() {
        assertThat(ok("1.5 亿元", "money").in("万元")).isEqualTo(15_000);
        assertThat(ok("2000000 元", "money").in("万元")).isCloseTo(200, within(1e-9));
        assertThat(ok("2500 kg", "mass").base()).isEqualTo(2.5);
        assertThat(ok("3 万m3", "volume").base()).isEqualTo(30_000);
        assertThat(ok("500 kgCO2e", "ghg").base()).isEqualTo(0.5);
    }

    @Test
    void compoundUnitsDivide() {
        Quantity q = ok("104.2 kgce/t", "energy/mass");
        assertThat(q.base()).isCloseTo(104.2, within(1e-9));
        assertThat(ok("600 万元/亩", "money/area").in("万元/亩")).isCloseTo(600, within(1e-9));
        assertThat(ok("0.12 kg/t", "mass/mass").base()).isCloseTo(0.00012, within(1e-15));
        assertThat(ok("-30 kgce/t", "energy/mass").value()).isEqualTo(-30);
    }

    @Test
    void percentagesAreSharesOfOne() {
        assertThat(ok("85 %", "1").base()).isCloseTo(0.85, within(1e-12));
        assertThat(ok("85%", "1").base()).isCloseTo(0.85, within(1e-12));
        assertThat(ok("0.7", "1").base()).isEqualTo(0.7);
    }

    /** Issue 16: units people write that are near an accepted one got no "did you mean". */
    @Test
    void anUnknownUnitNearAnAcceptedOneSuggestsIt() {
        assertThat(error("2.5 万元／亩", "money/area")).contains("unknown unit '万元／亩'; did you mean 万元/亩?");
        assertThat(error("3200 吨标煤", "energy")).contains("did you mean tce?");
        assertThat(error("3200 tec", "energy")).contains("did you mean tce?");
        assertThat(error("3200 千克标煤", "energy")).contains("did you mean kgce?");
        assertThat(error("85 ％％", "1")).doesNotContain("did you mean '");
        assertThat(error("150 acres", "area")).doesNotContain("did you mean");
        assertThat(error("3200 吨标煤", "mass")).doesNotContain("did you mean"); // an energy unit where a mass is wanted
    }

    @Test
    void refusesWhatItCannotReadWithTheReason() {
        assertThat(error("150 acres", "area")).contains("unknown unit 'acres'").contains("亩");
        assertThat(error("150", "area")).contains("needs a unit");
        assertThat(error("98,000 m2", "area")).contains("thousands separators");
        assertThat(error("1,234,567.5 t", "mass")).contains("thousands separators");
        assertThat(error("98 000 m2", "area")).contains("thousands separators");
        assertThat(error("150 t", "area")).contains("is not an area");
        assertThat(error("lots", "mass")).contains("not a number");
        assertThat(error("1e400 t", "mass")).contains("too large");
        assertThat(error("", "mass")).contains("empty");
    }
}
