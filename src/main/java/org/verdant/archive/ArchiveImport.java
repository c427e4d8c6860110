package org.verdant.archive;

/**
 * What importing a bundle did. Refused (nothing written) when the bundle is damaged, the archive
 * is damaged, or the bundle's chain does not continue the archive's; the first break says why.
 *
 * @param added    records appended (those with ids after the archive's last)
 * @param present  records of the bundle the archive already holds, identical by row hash
 * @param refusal  the first break, null when accepted
 * @param archiveDamaged the refusal is the archive's damage, not the bundle's
 * @param addedByTable   rows appended to each other chained table (a {@code /2} bundle), by table name
 */
public record ArchiveImport(long added, long present, String head, ArchiveIntegrity.Break refusal, boolean archiveDamaged,
                            java.util.Map<String, Long> addedByTable) {

    public ArchiveImport(long added, long present, String head, ArchiveIntegrity.Break refusal, boolean archiveDamaged) {
        this(added, present, head, refusal, archiveDamaged, java.util.Map.of());
    }

    public boolean accepted() {
        return refusal == null;
    }
}
