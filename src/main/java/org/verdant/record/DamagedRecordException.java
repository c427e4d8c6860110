package org.verdant.record;

import org.verdant.text.Text;

/**
 * The file is a record, but not one a genuine evaluation wrote: a key given twice, a field no
 * record has, data after the record, or a digest that does not cover what it names. Such a record
 * is damage (verify exits 5), not a usage error: a forgery is the likeliest reason.
 */
public class DamagedRecordException extends InvalidRecordException {
    private final Text text;

    public DamagedRecordException(Text text) {
        super(text.in("en"));
        this.text = text;
    }

    public Text text() {
        return text;
    }
}
