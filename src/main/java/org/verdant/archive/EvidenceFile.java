package org.verdant.archive;

import java.time.Instant;

/**
 * One evidence file in the archive: its digest ({@code sha256:…}), the type its bytes show, its
 * size in bytes and when it was first stored.
 */
public record EvidenceFile(String sha256, EvidenceType type, long size, Instant storedAt) {
}
