package org.verdant.accounts;

import org.verdant.fault.Fault;
import org.verdant.fault.InBoth;
import org.verdant.text.Text;

/** A request about accounts that cannot be done (a name taken or unknown, a bad role or credit code), in both languages. */
public final class AccountException extends Fault implements InBoth {
    private final Text text;

    AccountException(Kind kind, String zh, String en) {
        super(kind, en);
        this.text = new Text(zh, en);
    }

    @Override
    public Text text() {
        return text;
    }
}
