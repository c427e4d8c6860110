package org.verdant.archive;

/**
 * A filter for {@link Archive#list}: every field null matches everything. {@code industry} is a
 * prefix of the GB/T 4754 code, so "C30" matches C3011 and C3021.
 */
public record ArchiveQuery(String creditCode, Integer year, String scheme, String industry) {
    public static ArchiveQuery all() {
        return new ArchiveQuery(null, null, null, null);
    }

    public ArchiveQuery creditCode(String code) {
        return new ArchiveQuery(code, year, scheme, industry);
    }

    public ArchiveQuery year(Integer y) {
        return new ArchiveQuery(creditCode, y, scheme, industry);
    }

    public ArchiveQuery scheme(String s) {
        return new ArchiveQuery(creditCode, year, s, industry);
    }

    public ArchiveQuery industry(String prefix) {
        return new ArchiveQuery(creditCode, year, scheme, prefix);
    }
}
