package org.verdant.rulebook;

import org.verdant.text.Location;
import org.verdant.text.Messages;
import org.verdant.yaml.Problem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every reason a rule gives ({@code .because("key", …)}) must read in every language Verdant
 * writes: a key missing from a message file would print the bare key in a verdict.
 */
public final class ReasonKeys {
    private static final Pattern BECAUSE = Pattern.compile("\\.because\\(\\s*\"([a-z0-9_.]+)\"");

    private ReasonKeys() {
    }

    /** One problem per key a rule file uses that a language lacks, at the line that uses it. */
    public static List<Problem> missing(Rulebook rulebook, List<String> langs) {
        List<Problem> out = new ArrayList<>();
        List<Messages> messages = langs.stream().map(Messages::new).toList();
        for (SourceFile f : rulebook.ruleFiles()) {
            String[] lines = new String(f.bytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = BECAUSE.matcher(lines[i]);
                while (m.find()) {
                    for (Messages lang : messages) {
                        if (!lang.has(m.group(1))) {
                            out.add(new Problem(new Location(f.displayPath(), i + 1, m.start(1) + 1), "",
                                    "reason '" + m.group(1) + "' has no " + lang.lang() + " text in messages_" + lang.lang() + ".properties"));
                        }
                    }
                }
            }
        }
        return out;
    }
}
