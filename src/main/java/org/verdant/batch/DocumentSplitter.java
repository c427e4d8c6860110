package org.verdant.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a multi-document YAML stream into its documents, reading it a line at a time, so a stream
 * of any length is never held in memory whole.
 *
 * <p>A document starts at a line that begins with {@code ---} (followed by nothing, a space or a
 * tab) and ends before the next such line or at a line that begins with {@code ...}. The marker
 * itself is replaced by three spaces, so the document's line 1 is the marker's line and its
 * columns are the stream's: a problem at line ℓ of a document that starts on stream line s is at
 * stream line s − 1 + ℓ. Text that holds no node (blank lines, comments, directives such as
 * {@code %YAML}) is not a submission and is skipped, so a stream may begin with a comment or end
 * with a stray {@code ---}.
 */
public final class DocumentSplitter {
    /** One document: its bytes, the stream line its first line is on, and whether it was cut short. */
    public record Document(byte[] bytes, int firstLine, long endOffset, boolean truncated, long size) {
    }

    private final InputStream in;
    private final int maxBytes;
    private long offset;
    private int line; // lines read so far
    private byte[] pending; // a marker line read ahead, which starts the next document
    private boolean eof;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean afterCr; // the last line ended in CR at the end of a read: an LF next is part of it

    /** {@code maxBytes}: a document longer than this keeps only its first {@code maxBytes + 1} bytes and is marked truncated. */
    public DocumentSplitter(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next document that holds something, or null at the end of the stream. */
    public Document next() throws IOException {
        while (true) {
            if (eof && pending == null) return null;
            Document d = readOne();
            if (d != null) return d;
        }
    }

    /** Reads up to the next boundary; null when what was read holds no node. */
    private Document readOne() throws IOException {
        ByteArrayOutputStream doc = new ByteArrayOutputStream(8192);
        boolean content = false;
        boolean truncated = false;
        long size = 0;
        int first = line + 1;
        if (pending != null) {
            byte[] marker = pending;
            pending = null;
            first = line; // the marker line was already counted
            marker[0] = ' ';
            marker[1] = ' ';
            marker[2] = ' ';
            content = holdsNode(marker);
            doc.write(marker);
            size += marker.length;
        }
        while (true) {
            byte[] l = readLine();
            if (l == null) {
                eof = true;
                break;
            }
            if (isMarker(l, (byte) '-')) {
                pending = l;
                break;
            }
            if (isMarker(l, (byte) '.')) break;
            size += l.length;
            if (!content && holdsNode(l)) content = true;
            if (size <= maxBytes + 1L) {
                doc.write(l, 0, (int) Math.min(l.length, maxBytes + 1L - doc.size()));
            } else {
                truncated = true;
            }
        }
        if (!content) return null;
        return new Document(doc.toByteArray(), first, offset - (pending == null ? 0 : pending.length), truncated || size > maxBytes, size);
    }

    /**
     * The next line with its line break: a line ends at LF, CR LF or a lone CR (YAML's three line
     * breaks), so a CR-only stream is cut at its markers too. A byte-order mark at the start of a
     * line (where concatenated files meet) is dropped: it is not text, and left in place it would
     * hide the marker after it.
     */
    private byte[] readLine() throws IOException {
        byte[] l = rawLine();
        if (l != null && l.length >= 3 && l[0] == (byte) 0xEF && l[1] == (byte) 0xBB && l[2] == (byte) 0xBF) {
            return java.util.Arrays.copyOfRange(l, 3, l.length);
        }
        return l;
    }

    private boolean fill() throws IOException {
        if (pos < limit) return true;
        limit = in.read(buffer, 0, buffer.length);
        pos = 0;
        if (limit <= 0) {
            limit = 0;
            return false;
        }
        return true;
    }

    private byte[] rawLine() throws IOException {
        ByteArrayOutputStream l = null;
        if (afterCr && fill()) {
            afterCr = false;
            if (buffer[pos] == '\n') { // the LF of a CR LF split across reads belongs to the line before
                pos++;
                offset++;
            }
        }
        while (true) {
            if (!fill()) {
                if (l == null) return null;
                break;
            }
            int end = pos;
            while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') end++;
            boolean newline = end < limit;
            if (newline) {
                if (buffer[end] == '\r') {
                    if (end + 1 < limit) {
                        if (buffer[end + 1] == '\n') end++;
                    } else {
                        afterCr = true;
                    }
                }
                end++;
            }
            int n = end - pos;
            offset += n;
            if (newline && l == null) {
                byte[] out = java.util.Arrays.copyOfRange(buffer, pos, end);
                pos = end;
                line++;
                return out;
            }
            if (l == null) l = new ByteArrayOutputStream(Math.max(256, 2 * n));
            // a very long line is kept only up to the document bound; the document is cut short anyway
            if (l.size() <= maxBytes + 1) l.write(buffer, pos, Math.min(n, maxBytes + 2 - l.size()));
            pos = end;
            if (newline) break;
        }
        line++;
        return l.toByteArray();
    }

    /** {@code ---} or {@code ...} at the start of a line, alone or followed by white space. */
    private static boolean isMarker(byte[] l, byte c) {
        if (l.length < 3 || l[0] != c || l[1] != c || l[2] != c) return false;
        return l.length == 3 || l[3] == ' ' || l[3] == '\t' || l[3] == '\r' || l[3] == '\n';
    }

    /** False for blank lines, comments and directives, which hold no node. */
    private static boolean holdsNode(byte[] l) {
        for (int i = 0; i < l.length; i++) {
            byte b = l[i];
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') continue;
            if (i == 0 && b == (byte) 0xEF && l.length >= 3 && l[1] == (byte) 0xBB && l[2] == (byte) 0xBF) {
                i += 2; // byte-order mark
                continue;
            }
            return b != '#' && !(b == '%' && i == 0);
        }
        return false;
    }
}
