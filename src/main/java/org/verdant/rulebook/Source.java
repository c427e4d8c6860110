package org.verdant.rulebook;

/**
 * Where figures come from, written once per file under {@code sources:}: what the source is
 * ({@code title}, e.g. a standard and its clause, or the project's criteria notes) and where the
 * repository describes it ({@code see}, a path relative to the repository, with a section).
 */
public record Source(String id, String title, String see) {
    /** The text a verdict prints: the title, where it is described, and the detail of one figure. */
    public String cite(String detail) {
        StringBuilder b = new StringBuilder(title);
        if (see != null) b.append(" (").append(see).append(')');
        if (detail != null) b.append(": ").append(detail);
        return b.toString();
    }
}
