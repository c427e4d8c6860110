package org.verdant.text;

/**
 * A number inside a phrase, written as {@link Numbers#format} writes it, but only when the phrase is
 * first rendered: rules build a phrase for every finding and most are never shown (a verdict without
 * its JSON), and one shown in two languages is formatted once. Anywhere it is read as text
 * ({@link #toString}, {@link Messages}) it is exactly the text {@code Numbers.format(value)} was.
 * Two are equal when they read the same, as the two texts were.
 */
public final class FormattedNumber {
    private final double value;
    /** Written when first asked; a race only writes the same text twice. */
    private String text;

    private FormattedNumber(double value) {
        this.value = value;
    }

    public static FormattedNumber of(double value) {
        return new FormattedNumber(value);
    }

    public double value() {
        return value;
    }

    @Override
    public String toString() {
        String t = text;
        if (t == null) text = t = Numbers.format(value);
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FormattedNumber other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
