package org.verdant.findings;

import org.verdant.rulebook.Figure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One criterion's outcome: status, points out of the maximum, the reason (a message key and its
 * arguments, rendered in the reader's language), the figures compared, the evidence cited, the
 * scorecard figures relied on, and the rule that decided it.
 */
public final class Finding {
    private final String criterionId;
    private final String rule;
    private Status status;
    private double points;
    private double max;
    private String reasonKey;
    private List<Object> reasonArgs = List.of();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<String> evidence = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    /** Notes in words (a derived value's assumptions, a claim's note as the user wrote it): phrases, written in the reader's language. */
    private final List<org.verdant.text.Messages.Phrase> notes = new ArrayList<>();
    private final List<org.verdant.text.Messages.Phrase> warnings = new ArrayList<>();
    private final List<org.verdant.facts.IndexYear> indexYears = new ArrayList<>();
    /** What the deciding rule matched, worked out when first asked: only a trace reads it, most verdicts never do. */
    private final java.util.function.Supplier<Lineage> lineageOf;
    private volatile Lineage lineage;

    /** The submission fields, scorecard parameters and deriving rules behind the facts the deciding rule matched. */
    record Lineage(List<String> inputs, List<Figure> parameters, List<String> derivedBy) {
        Lineage {
            inputs = List.copyOf(inputs);
            parameters = List.copyOf(parameters);
            derivedBy = List.copyOf(derivedBy);
        }
    }

    Finding(String criterionId, String rule) {
        this(criterionId, rule, () -> new Lineage(List.of(), List.of(), List.of()));
    }

    Finding(String criterionId, String rule, java.util.function.Supplier<Lineage> lineageOf) {
        this.criterionId = criterionId;
        this.rule = rule;
        this.lineageOf = lineageOf;
    }

    private Lineage lineage() {
        Lineage known = lineage;
        if (known == null) lineage = known = lineageOf.get(); // the same lists whoever asks first
        return known;
    }

    /** The rules that derived the facts the deciding rule matched (values, levels, the form chosen), in match order. */
    public List<String> derivedBy() {
        return lineage().derivedBy();
    }

    public Finding status(Status status, double points, double max) {
        this.status = status;
        this.points = points;
        this.max = max;
        return this;
    }

    /** The one-sentence reason: a key in messages_*.properties and its arguments. */
    public Finding because(String key, Object... args) {
        this.reasonKey = key;
        this.reasonArgs = List.of(args);
        return this;
    }

    /**
     * A figure or fact the rule compared. Lists stay lists (a collection or an array becomes a
     * {@link List}), so the verdict writes them as JSON arrays; pass a list, never its text.
     */
    public Finding value(String name, Object value) {
        if (value != null) values.put(name, typed(value));
        return this;
    }

    private static Object typed(Object value) {
        if (value instanceof List<?>) return value;
        if (value instanceof java.util.Collection<?> c) return new ArrayList<>(c);
        if (value.getClass().isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) items.add(java.lang.reflect.Array.get(value, i));
            return items;
        }
        return value;
    }

    public Finding evidence(List<?> items) {
        if (items != null) items.forEach(i -> evidence.add(String.valueOf(i)));
        return this;
    }

    public Finding figures(List<Figure> used) {
        if (used == null) return this;
        for (Figure f : used) if (!has(f)) figures.add(f);
        return this;
    }

    /** The same figure is usually the same object (the scorecard's): ask that before comparing every field. */
    private boolean has(Figure f) {
        for (Figure known : figures) if (known == f) return true;
        return figures.contains(f);
    }

    /** A note as the user wrote it (a claim's note): shown as it is in every language. */
    public Finding note(String note) {
        return note == null ? this : note(new org.verdant.text.Messages.Phrase("phrase.as_is", List.of(note)));
    }

    public Finding note(org.verdant.text.Messages.Phrase note) {
        if (note != null && !notes.contains(note)) notes.add(note);
        return this;
    }

    public Finding notes(List<org.verdant.text.Messages.Phrase> more) {
        if (more != null) more.forEach(this::note);
        return this;
    }

    /** Something the reader must know to trust the figure (e.g. a correction that could not be applied). */
    public Finding warn(List<org.verdant.text.Messages.Phrase> more) {
        if (more != null) more.stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
        return this;
    }

    public List<org.verdant.text.Messages.Phrase> warnings() {
        return warnings;
    }

    /** A park index indicator's value and ratio in each reporting year (empty for other criteria). */
    public List<org.verdant.facts.IndexYear> indexYears() {
        return indexYears;
    }

    public String criterionId() {
        return criterionId;
    }

    public String rule() {
        return rule;
    }

    public Status status() {
        return status;
    }

    public double points() {
        return points;
    }

    public double max() {
        return max;
    }

    public String reasonKey() {
        return reasonKey;
    }

    public List<Object> reasonArgs() {
        return reasonArgs;
    }

    public Map<String, Object> values() {
        return values;
    }

    public List<String> evidence() {
        return evidence;
    }

    public List<Figure> figures() {
        return figures;
    }

    public List<org.verdant.text.Messages.Phrase> notes() {
        return notes;
    }

    /**
     * The submission fields (paths) behind the facts the deciding rule matched: what a trace
     * points at. Not part of the verdict proper, so it leaves the verdict's JSON unchanged.
     */
    public List<String> inputs() {
        return lineage().inputs();
    }

    /** The scorecard parameters the deciding rule matched (the figures it recorded are in {@link #figures()}). */
    public List<Figure> parameters() {
        return lineage().parameters();
    }
}
