package org.verdant.text;

/**
 * A figure with its unit as an argument of a sentence (a reason, a plan step): kept as a number,
 * not as text, so that {@link Messages} shows it together with the sentence's other figures (a
 * value and the levels it meets or misses never print alike when they differ) and as a person
 * writes it in the reader's language. {@link #toString} is {@link Numbers#show}.
 */
public record Amount(Double value, String unit) {
    @Override
    public String toString() {
        return Numbers.show(value, unit);
    }
}
