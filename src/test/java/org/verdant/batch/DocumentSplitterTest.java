package org.verdant.batch;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentSplitterTest {
    private static List<DocumentSplitter.Document> split(String text, int max) throws IOException {
        DocumentSplitter s = new DocumentSplitter(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
        List<DocumentSplitter.Document> out = new ArrayList<>();
        for (DocumentSplitter.Document d; (d = s.next()) != null; ) out.add(d);
        return out;
    }

    private static String text(DocumentSplitter.Document d) {
        return new String(d.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void documentsStartAtTheirMarkerLineWithTheMarkerBlanked() throws IOException {
        String stream = "# a comment before anything\n%YAML 1.2\n---\na: 1\nb: 2\n--- # second\nc: 3\n...\n---\nd: 4\n---\n";
        List<DocumentSplitter.Document> docs = split(stream, 1000);
        assertThat(docs).hasSize(3);
        assertThat(docs.get(0).firstLine()).isEqualTo(3);
        assertThat(text(docs.get(0))).isEqualTo("   \na: 1\nb: 2\n");
        assertThat(docs.get(1).firstLine()).isEqualTo(6);
        assertThat(text(docs.get(1))).isEqualTo("    # second\nc: 3\n");
        assertThat(docs.get(2).firstLine()).isEqualTo(9);
        assertThat(text(docs.get(2))).isEqualTo("   \nd: 4\n");
    }

    @Test
    void aBareDocumentStartsOnLineOneAndMarkersNeedAWordBoundary() throws IOException {
        List<DocumentSplitter.Document> docs = split("a: 1\n---x: not a marker\n----\nb: |\n  text\n", 1000);
        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).firstLine()).isEqualTo(1);
        assertThat(text(docs.get(0))).contains("---x").contains("----");
    }

    @Test
    void aDocumentOverTheLimitIsMarkedAndTheNextOneIsIntact() throws IOException {
        String big = "a: " + "x".repeat(500) + "\n";
        List<DocumentSplitter.Document> docs = split("---\n" + big + big + "---\nb: 1\n", 600);
        assertThat(docs).hasSize(2);
        assertThat(docs.get(0).truncated()).isTrue();
        assertThat(docs.get(0).bytes().length).isLessThanOrEqualTo(601);
        assertThat(docs.get(1).truncated()).isFalse();
        assertThat(text(docs.get(1))).isEqualTo("   \nb: 1\n");
        assertThat(docs.get(1).firstLine()).isEqualTo(4);
    }

    @Test
    void crlfAndNoFinalNewlineAreKept() throws IOException {
        List<DocumentSplitter.Document> docs = split("---\r\na: 1\r\n---\r\nb: 2", 1000);
        assertThat(docs).hasSize(2);
        assertThat(text(docs.get(0))).isEqualTo("   \r\na: 1\r\n");
        assertThat(text(docs.get(1))).isEqualTo("   \r\nb: 2");
    }

    /** Concatenated files: a byte-order mark before a later marker must not merge two submissions into one. */
    @Test
    void aByteOrderMarkBeforeALaterMarkerStillStartsADocument() throws IOException {
        List<DocumentSplitter.Document> docs = split("\uFEFF---\na: 1\n\uFEFF---\nb: 2\n", 1000);
        assertThat(docs).hasSize(2);
        assertThat(text(docs.get(0))).isEqualTo("   \na: 1\n");
        assertThat(text(docs.get(1))).isEqualTo("   \nb: 2\n");
        assertThat(docs.get(1).firstLine()).isEqualTo(3);
    }

    /** Old Mac line ends: a CR-only stream is three lines per document, not one line holding both. */
    @Test
    void crOnlyLineEndsAreLineEnds() throws IOException {
        List<DocumentSplitter.Document> docs = split("---\ra: 1\r---\rb: 2\r", 1000);
        assertThat(docs).hasSize(2);
        assertThat(text(docs.get(0))).isEqualTo("   \ra: 1\r");
        assertThat(docs.get(1).firstLine()).isEqualTo(3);
        assertThat(text(docs.get(1))).isEqualTo("   \rb: 2\r");
    }

    /** A CR LF split between two reads is one line break, not two (its LF is dropped: YAML reads a CR alone as the same break). */
    @Test
    void aCrLfAcrossReadsIsOneBreak() throws IOException {
        byte[] bytes = "---\r\na: 1\r\n---\r\nb: 2\r\n".getBytes(StandardCharsets.UTF_8);
        java.io.InputStream trickle = new java.io.InputStream() {
            int i;

            @Override
            public int read() {
                return i < bytes.length ? bytes[i++] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (i >= bytes.length) return -1;
                b[off] = bytes[i++];
                return 1;
            }
        };
        DocumentSplitter s = new DocumentSplitter(trickle, 1000);
        DocumentSplitter.Document first = s.next();
        DocumentSplitter.Document second = s.next();
        assertThat(s.next()).isNull();
        assertThat(second.firstLine()).isEqualTo(3);
        assertThat(text(first)).isEqualTo("   \ra: 1\r");
    }
}
