package org.verdant.evaluation;

import org.verdant.fault.Fault;
import org.verdant.fault.InBoth;
import org.verdant.fault.Option;
import org.verdant.text.Text;
import org.verdant.yaml.Msg;

/** The request names an option value or an argument that does not exist (exit code 2, HTTP 400). */
public class UsageException extends Fault implements InBoth {
    private final Text text;

    public UsageException(String message) {
        super(Kind.USAGE, message);
        this.text = new Text(message, message);
    }

    /** About one option: the message does not name it; each face does, its own way. */
    public UsageException(Option option, String message) {
        super(Kind.USAGE, option, message);
        this.text = new Text(message, message);
    }

    /** About one option, in both languages (a message key of the bundles). */
    public UsageException(Option option, Msg message) {
        super(Kind.USAGE, option, message.render("en"));
        this.text = new Text(message.render("zh"), message.render("en"));
    }

    @Override
    public Text text() {
        return text;
    }
}
