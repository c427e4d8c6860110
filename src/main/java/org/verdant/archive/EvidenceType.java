package org.verdant.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The kinds of evidence file the archive keeps, each recognised by its bytes: a file name or a
 * client's Content-Type says only what a file claims to be.
 */
public enum EvidenceType {
    PDF("application/pdf", "PDF 文档", "PDF document", "pdf"),
    PNG("image/png", "PNG 图片", "PNG image", "png"),
    JPEG("image/jpeg", "JPEG 图片", "JPEG image", "jpg", "jpeg"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel 工作簿（xlsx）", "Excel workbook (xlsx)", "xlsx"),
    CSV("text/csv", "CSV 表格", "CSV table", "csv");

    private final String mediaType;
    private final String zh;
    private final String en;
    private final String[] extensions;

    EvidenceType(String mediaType, String zh, String en, String... extensions) {
        this.mediaType = mediaType;
        this.zh = zh;
        this.en = en;
        this.extensions = extensions;
    }

    public String mediaType() {
        return mediaType;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public static Optional<EvidenceType> ofMediaType(String mediaType) {
        for (EvidenceType t : values()) if (t.mediaType.equals(mediaType)) return Optional.of(t);
        return Optional.empty();
    }

    /** What a file name claims (by its extension); empty for a name without a known one. */
    public static Optional<EvidenceType> claimedBy(String fileName) {
        if (fileName == null) return Optional.empty();
        String lower = fileName.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        if (dot < 0) return Optional.empty();
        String ext = lower.substring(dot + 1);
        for (EvidenceType t : values()) for (String e : t.extensions) if (e.equals(ext)) return Optional.of(t);
        return Optional.empty();
    }

    /** What the bytes are, or empty when they are none of the kinds kept. */
    public static Optional<EvidenceType> of(byte[] b) {
        if (startsWith(b, '%', 'P', 'D', 'F', '-')) return Optional.of(PDF);
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return Optional.of(PNG);
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) return Optional.of(JPEG);
        if (startsWith(b, 'P', 'K', 3, 4)) return isWorkbook(b) ? Optional.of(XLSX) : Optional.empty();
        if (isText(b)) return Optional.of(CSV);
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((b[i] & 0xFF) != magic[i]) return false;
        return true;
    }

    /** An Office Open XML workbook: a zip with the package's content types and a workbook part (a .docx or a plain zip is not one). */
    private static boolean isWorkbook(byte[] b) {
        boolean contentTypes = false;
        boolean workbook = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("[Content_Types].xml")) contentTypes = true;
                if (e.getName().equals("xl/workbook.xml")) workbook = true;
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return contentTypes && workbook;
    }

    /**
     * A CSV table has no signature: non-empty UTF-8 text (a BOM allowed) without control characters
     * other than tab, line feed and carriage return is taken for one.
     */
    private static boolean isText(byte[] b) {
        if (b.length == 0) return false;
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            return s.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F);
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
