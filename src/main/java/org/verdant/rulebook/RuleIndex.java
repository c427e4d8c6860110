package org.verdant.rulebook;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each rule of the rulebook is written ({@code rules/…drl:line}), so a verdict's trace can
 * point a domain expert from a finding to the rule that decided it and the rules that derived its
 * figures. Read from the DRL text itself; a rule's name is unique among the files one edition compiles.
 */
public final class RuleIndex {
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** A rule's name and where it stands. */
    public record At(String rule, String file, int line) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    private final Map<String, At> byName = new LinkedHashMap<>();

    private RuleIndex() {
    }

    public static RuleIndex of(List<SourceFile> files) {
        RuleIndex index = new RuleIndex();
        for (SourceFile f : files) {
            String[] lines = new String(f.bytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = RULE.matcher(lines[i]);
                if (m.find()) index.byName.putIfAbsent(m.group(1), new At(m.group(1), f.logicalPath(), i + 1));
            }
        }
        return index;
    }

    public Optional<At> find(String rule) {
        return Optional.ofNullable(byName.get(rule));
    }

    /** Every rule, in file order. */
    public List<At> all() {
        return List.copyOf(byName.values());
    }
}
