package org.verdant.app;

import org.verdant.fault.Fault;
import org.verdant.fault.InBoth;
import org.verdant.fault.Option;
import org.verdant.text.Text;

import java.util.List;

/**
 * A fault whose message is written in Chinese and English, so each face shows it in its user's
 * language ({@link #message(Fault, String)}); {@link #getMessage()} is the English text, for logs.
 */
public class TextFault extends Fault implements InBoth {
    private final Text text;

    public TextFault(Kind kind, Option option, Text text) {
        super(kind, option, text.en());
        this.text = text;
    }

    protected TextFault(Kind kind, Text text, List<Difference> details) {
        super(kind, text.en(), details);
        this.text = text;
    }

    public TextFault(Kind kind, Option option, String zh, String en) {
        this(kind, option, new Text(zh, en));
    }

    @Override
    public Text text() {
        return text;
    }

    /** A fault's message in {@code lang}: both texts where it has them, else its one message. */
    public static String message(Fault f, String lang) {
        return InBoth.message(f, lang);
    }
}
