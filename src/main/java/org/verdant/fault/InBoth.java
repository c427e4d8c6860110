package org.verdant.fault;

import org.verdant.text.Text;

/** A fault whose message is written in Chinese and English, so each face shows its user's language. */
public interface InBoth {
    Text text();

    /** A fault's message in {@code lang}: its text in that language where it has both, else its one message. */
    static String message(Fault f, String lang) {
        return f instanceof InBoth b ? b.text().in(lang) : f.getMessage();
    }
}
