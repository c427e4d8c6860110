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
     * The citation of one figure in both languages: the title, where it is described, and the
     * figure's detail ({@code {zh, en}}, or a plain text the same in both; may be null). The English
     * text is the one a verdict's JSON carries; {@link Sources} gives the Chinese beside it.
     */
    public Text cite(Text detail) {
        return new Text(cite(title.zh(), detail == null ? null : detail.zh(), "："), cite(title.en(), detail == null ? null : detail.en(), ": "));
    }

    private String cite(String title, String detail, String colon) {
        StringBuilder b = new StringBuilder(title);
        if (see != null) b.append(" (").append(see).append(')');
        if (detail != null) b.append(colon).append(detail);
        return b.toString();
    }
}
