package org.verdant.yaml;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PathIndexTest {
    private static final String YAML = """
            site:
              land_area: 900 亩
            products:
              - name: 熟料
                output: 1.8e6 t
              - {name: 水泥, output: 2.0e6 t}
            park:
              years:
                - year: 2024
                  statistics: {energy: 1.0e6 tce}
                - year: 2025
                  statistics:
                    energy: 1.1e6 tce
            section:
              a: 1
              b: [x, y]
            """;

    private final PathIndex index = PathIndex.of("in.yaml", YAML.getBytes(StandardCharsets.UTF_8));

    private int line(String path) {
        return index.find(path).orElseThrow(() -> new AssertionError("not found: " + path)).at().line();
    }

    @Test
    void findsMappingKeysAndListItemsByPosition() {
        assertThat(line("site.land_area")).isEqualTo(2);
        assertThat(line("products[0].output")).isEqualTo(5);
        assertThat(line("products[1].output")).isEqualTo(6);
        assertThat(index.find("site.land_area").orElseThrow().node()).isInstanceOf(YamlNode.Scalar.class);
    }

    @Test
    void findsYearlyRecordsByTheirYear() {
        assertThat(line("park.years[2025].statistics.energy")).isEqualTo(13);
        assertThat(line("park.years[2024].statistics.energy")).isEqualTo(10);
        assertThat(index.find("park.years[2023].statistics.energy")).isEmpty();
    }

    @Test
    void aSectionIsNamedAtItsKeyAndShownInFlowStyle() {
        PathIndex.Found section = index.find("section").orElseThrow();
        assertThat(section.at().line()).isEqualTo(14);
        assertThat(PathIndex.brief(section.node(), 100)).isEqualTo("{a: 1, b: [x, y]}");
        assertThat(PathIndex.brief(section.node(), 8)).isEqualTo("{a: 1, …");
    }

    @Test
    void pathsThatAreNotInTheFileAreNotFound() {
        assertThat(index.find("site.footprint_area")).isEmpty();
        assertThat(index.find("products[5].output")).isEmpty();
        assertThat(index.find("site.land_area.more")).isEmpty();
        assertThat(index.find("energy.carriers[].amount")).isEmpty();
        assertThat(PathIndex.of("bad.yaml", "a: [".getBytes(StandardCharsets.UTF_8)).find("a")).isEmpty();
    }
}
