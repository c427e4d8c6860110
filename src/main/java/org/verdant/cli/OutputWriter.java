package org.verdant.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A command's standard output as text (UTF-8) over its {@link StreamOutput}, so that what a
 * {@link PrintWriter} swallows (it never throws) can still be asked afterwards: whether the reader went
 * away, or why a write failed. {@code batch} writes its lines to {@link #bytes()} directly.
 */
final class OutputWriter extends PrintWriter {
    private final StreamOutput bytes;

    OutputWriter(StreamOutput bytes) {
        super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
        this.bytes = bytes;
    }

    StreamOutput bytes() {
        return bytes;
    }

    /** Whether a write has failed, in any way (it does not flush, unlike {@link #checkError()}). */
    boolean failed() {
        return bytes.failure() != null;
    }
}
