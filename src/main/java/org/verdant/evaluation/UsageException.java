package org.verdant.evaluation;

import org.verdant.fault.Fault;
import org.verdant.fault.Option;

/** The request names an option value or an argument that does not exist (exit code 2, HTTP 400). */
public class UsageException extends Fault {
    public UsageException(String message) {
        super(Kind.USAGE, message);
    }

    /** About one option: the message does not name it; each face does, its own way. */
    public UsageException(Option option, String message) {
        super(Kind.USAGE, option, message);
    }
}
