package org.verdant.archive;

import java.time.Instant;

/**
 * One step of a dispute as stored: the objection (seq 1), a re-evaluation, or the ruling.
 *
 * @param content        the step's JSON, exactly as stored (it repeats {@code previousSha256})
 * @param contentSha256  the sha256 of {@code content}'s UTF-8 bytes, as stored
 * @param previousSha256 the previous step's {@code contentSha256}; null for the objection
 */
public record DisputeStep(long disputeId, int seq, long evaluationId, String creditCode, String kind, Instant recordedAt,
                          String actor, String content, String contentSha256, String previousSha256) {
    public static final String OBJECTION = "objection";
    public static final String REEVALUATION = "reevaluation";
    public static final String RULING = "ruling";
}
