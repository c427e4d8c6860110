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
}
