package org.verdant.yaml;

import org.verdant.text.Location;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML node that remembers where it stood in its file and its path from the root. */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    Location location();

    String path();

    String kind();

    /** A mapping; keys keep their file order. */
    record Mapping(Location location, String path, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public YamlNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        public boolean has(String key) {
            return entries.containsKey(key);
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record Entry(String key, Location keyLocation, YamlNode value) {
    }

    record Sequence(Location location, String path, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar with its source text and what YAML made of it.
     * {@code type} is one of string, int, float, bool, null.
     */
    record Scalar(Location location, String path, String text, String type) implements YamlNode {
        public boolean isNull() {
            return "null".equals(type);
        }

        @Override
        public String kind() {
            return switch (type) {
                case "int", "float" -> "a number";
                case "bool" -> "true/false";
                case "null" -> "empty";
                default -> "text";
            };
        }
    }
}
