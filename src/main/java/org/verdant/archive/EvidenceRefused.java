package org.verdant.archive;

import org.verdant.text.Text;

/** An evidence file the archive will not keep: too large, of a kind it does not keep, or not what its name says. */
public final class EvidenceRefused extends RuntimeException {
    private final Text text;

    EvidenceRefused(String zh, String en) {
        super(en);
        this.text = new Text(zh, en);
    }

    public Text text() {
        return text;
    }
}
