package org.verdant.rulebook;

import org.verdant.text.Text;

/**
 * Where figures come from, written once per file under {@code sources:}: what the source is
 * ({@code title}, e.g. a standard and its clause, or the project's criteria notes, in Chinese and
 * English; a user-written table's plain title is the same in both) and where the repository
 * describes it ({@code see}, a path relative to the repository, with a section).
 */
public record Source(String id, Text title, String see) {
    /**
     * The text a verdict carries: the English title, where it is described, and the detail of one
     * figure. The English text is the verdict's (JSON's) own; people's renderers put the Chinese
     * title in its place through {@link SourceTitles}.
     */
    public String cite(String detail) {
        StringBuilder b = new StringBuilder(title.en());
        if (see != null) b.append(" (").append(see).append(')');
        if (detail != null) b.append(": ").append(detail);
        return b.toString();
    }
}
