package org.verdant.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Evidence files: stored once by digest, typed by their bytes, size-limited, never changed. */
class EvidenceStoreTest {
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    @TempDir
    Path dir;

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                z.write("<x/>".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void recognisesEachKindByItsBytes() throws IOException {
        assertThat(EvidenceType.of(PDF)).contains(EvidenceType.PDF);
        assertThat(EvidenceType.of(PNG)).contains(EvidenceType.PNG);
        assertThat(EvidenceType.of(JPEG)).contains(EvidenceType.JPEG);
        assertThat(EvidenceType.of(zip("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"))).contains(EvidenceType.XLSX);
        assertThat(EvidenceType.of("月份,电力/kWh\n1,120000\n".getBytes(StandardCharsets.UTF_8))).contains(EvidenceType.CSV);
        // a Word document and a plain zip are zips but not workbooks; a program is not text
        assertThat(EvidenceType.of(zip("[Content_Types].xml", "word/document.xml"))).isEmpty();
        assertThat(EvidenceType.of(zip("a.txt"))).isEmpty();
        assertThat(EvidenceType.of(new byte[]{0x7F, 'E', 'L', 'F', 2, 1, 1, 0})).isEmpty();
        assertThat(EvidenceType.of(new byte[]{'a', 0, 'b'})).isEmpty();
    }

    @Test
    void storesOnceByDigestAndGivesTheBytesBack() {
        try (Archive archive = Archive.open(dir)) {
            EvidenceStore store = new EvidenceStore(archive);
            EvidenceFile first = store.put(PDF, "节能监察报告.pdf");
            EvidenceFile again = store.put(PDF, "another-name.pdf");
            assertThat(first.sha256()).isEqualTo(org.verdant.evaluation.Evaluator.sha256(PDF)).startsWith("sha256:");
            assertThat(again).isEqualTo(first);
            assertThat(first.type()).isEqualTo(EvidenceType.PDF);
            assertThat(first.size()).isEqualTo(PDF.length);
            store.put(PNG, null);
            assertThat(store.list()).hasSize(2);
            assertThat(store.get(first.sha256()).orElseThrow().bytes()).isEqualTo(PDF);
            assertThat(store.find("sha256:" + "0".repeat(64))).isEmpty();
        }
    }

    @Test
    void refusesAMismatchAnUnknownKindAndAnOversizedFile() {
        try (Archive archive = Archive.open(dir)) {
            EvidenceStore store = new EvidenceStore(archive);
            assertThatThrownBy(() -> store.put(PNG, "证明.pdf")).isInstanceOf(EvidenceRefused.class)
                    .hasMessage("'证明.pdf' is named as a PDF document but its content is a PNG image")
                    .satisfies(e -> assertThat(((EvidenceRefused) e).text().zh()).isEqualTo("证据文件“证明.pdf”名为PDF 文档，但其内容是PNG 图片"));
            assertThatThrownBy(() -> store.put(new byte[]{0x7F, 'E', 'L', 'F'}, "tool"))
                    .isInstanceOf(EvidenceRefused.class).hasMessageContaining("not a PDF, PNG, JPEG, xlsx or CSV file");
            byte[] big = new byte[(int) EvidenceStore.MAX_SIZE + 1];
            System.arraycopy(PDF, 0, big, 0, PDF.length);
            assertThatThrownBy(() -> store.put(big, "big.pdf")).isInstanceOf(EvidenceRefused.class)
                    .hasMessageContaining("more than the limit of 20971520 bytes");
            assertThatThrownBy(() -> store.put(new byte[0], "empty.csv")).isInstanceOf(EvidenceRefused.class).hasMessageContaining("is empty");
            assertThat(store.list()).isEmpty();
        }
    }

    @Test
    void storedFilesCannotBeChangedOrTakenOut() throws Exception {
        try (Archive archive = Archive.open(dir)) {
            EvidenceFile f = new EvidenceStore(archive).put(PDF, null);
            try (Connection c = archive.connect(); Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate("UPDATE evidence_blob SET size = 1")).hasMessageContaining("append-only");
                assertThatThrownBy(() -> st.executeUpdate("DELETE FROM evidence_blob")).hasMessageContaining("append-only");
            }
            assertThat(new EvidenceStore(archive).find(f.sha256())).contains(f);
        }
    }
}
