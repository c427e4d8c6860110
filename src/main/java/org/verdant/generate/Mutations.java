package org.verdant.generate;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deliberate mistakes for the share of generated submissions meant to be invalid: each is one
 * error a person makes when filling in a submission, and each makes the reader refuse it (exit 3).
 * The comment at the top of the document says which one was made.
 */
final class Mutations {
    private Mutations() {
    }

    private record Mutation(String what, UnaryOperator<String> apply) {
    }

    private static final List<Mutation> ALL = List.of(
            new Mutation("credit code with a wrong check character", Mutations::wrongCheckCharacter),
            new Mutation("misspelt key (land_aera)", y -> y.replaceFirst("\n  land_area:", "\n  land_aera:")),
            new Mutation("negative footprint area", y -> y.replaceFirst("\n  footprint_area: ", "\n  footprint_area: -")),
            new Mutation("thousands separator in the output value", Mutations::thousandsSeparator),
            new Mutation("unit missing from the water intake", y -> y.replaceFirst("(\n  intake: [0-9.]+) m3", "$1")),
            new Mutation("unknown unit for the output value", y -> y.replaceFirst("(\n  output_value: [0-9.]+) 万元", "$1 万元元")),
            new Mutation("facility name missing", y -> y.replaceFirst("\n  name: [^\n]+", "")));

    static String apply(String yaml, SplittableRandom rng) {
        Mutation m = ALL.get(rng.nextInt(ALL.size()));
        String out = m.apply().apply(yaml);
        if (out.equals(yaml)) out = wrongCheckCharacter(yaml); // the chosen mistake had nothing to change
        return "# deliberately invalid: " + m.what() + "\n" + out;
    }

    private static String wrongCheckCharacter(String yaml) {
        Matcher m = Pattern.compile("\n  credit_code: ([0-9A-Z]{17})([0-9A-Z])").matcher(yaml);
        if (!m.find()) return yaml;
        char wrong = m.group(2).charAt(0) == '0' ? '1' : '0';
        return yaml.substring(0, m.start(2)) + wrong + yaml.substring(m.end(2));
    }

    private static String thousandsSeparator(String yaml) {
        Matcher m = Pattern.compile("\n  output_value: ([0-9]+)([0-9]{3})(\\.[0-9]+)? 万元").matcher(yaml);
        if (!m.find()) return yaml;
        return yaml.substring(0, m.start(1)) + m.group(1) + "," + yaml.substring(m.start(2));
    }
}
