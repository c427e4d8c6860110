package org.verdant.plan;

import org.verdant.evaluation.UsageException;
import org.verdant.fault.InBoth;
import org.verdant.fault.Option;
import org.verdant.text.Text;

/** A plan option that cannot be used (a --target it cannot aim at), said in Chinese and English. */
final class PlanUsageException extends UsageException implements InBoth {
    private final Text text;

    PlanUsageException(Option option, String zh, String en) {
        super(option, en);
        this.text = new Text(zh, en);
    }

    @Override
    public Text text() {
        return text;
    }
}
