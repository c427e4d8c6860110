package org.verdant.findings;

import org.verdant.text.Messages;
import org.verdant.text.Messages.Phrase;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finding's values as a reader sees them: the words in them (where a level came from, what is
 * missing, how points were computed) are phrases, written out here in the reader's language; codes,
 * numbers and flags stay as they are.
 */
public final class Values {
    private Values() {
    }

    /** The value with every phrase in it written out, inside maps and lists too. */
    public static Object inLanguage(Object value, Messages m) {
        if (value instanceof Phrase p) return m.get(p.key(), p.args());
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, inLanguage(v, m)));
            return out;
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(v -> out.add(inLanguage(v, m)));
            return out;
        }
        return value;
    }

    /** The value as one text in the reader's language (null stays null). */
    public static String text(Object value, Messages m) {
        if (value == null) return null;
        return value instanceof Phrase p ? m.get(p.key(), p.args()) : String.valueOf(value);
    }
}
