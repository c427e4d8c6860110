package org.verdant.bench.shape;

import org.verdant.facts.FactBuilder;
import org.verdant.rulebook.Rulebook;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.rulebook.Scorecard;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the shaped rule files of the GB/T 36132-2018 scorecard (with the cultivation overlay, as
 * an evaluation dated from 2024-01-19 gets it) into DIR, to read them, and counts rules per file.
 *
 * <pre>java -cp … org.verdant.bench.shape.ShapeDump DIR</pre>
 */
public final class ShapeDump {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/shape");
        Rulebook book = RulebookLoader.load(Path.of("rules"), Path.of("scorecards"));
        Scorecard base = book.scorecard("green-factory", "GB/T 36132-2018").orElseThrow();
        Scorecard card = base.withOverlays(book.overlays(base.scheme(), null));
        List<Object> constants = FactBuilder.constants(card, book.benchmarks());
        Map<String, String> files = ShapedRules.generate(constants);
        Files.createDirectories(dir);
        int rules = 0;
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            rules += count(f.getValue());
        }
        int real = 0;
        for (var f : book.rulesFor(card)) {
            if (ShapedRules.REPLACED.contains(f.logicalPath())) real += count(new String(f.bytes(), StandardCharsets.UTF_8));
        }
        long kept = constants.stream().filter(ShapedRules::keptConstant).count();
        System.out.printf("%s: %d files, %d rules, in place of %d rules in %d files; scorecard facts %d, of which still inserted %d%n",
                card.id(), files.size(), rules, real, ShapedRules.REPLACED.size(), constants.size(), kept);
    }

    private static int count(String drl) {
        return (int) drl.lines().filter(l -> l.startsWith("rule \"")).count();
    }
}
