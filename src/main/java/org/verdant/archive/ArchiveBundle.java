package org.verdant.archive;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verdant.evaluation.Evaluator;
import org.verdant.text.Json;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An export of the whole archive that verifies on its own: a directory holding
 * {@code evaluations.jsonl} (one JSON object per record, in id order: every column as its
 * canonical text or null, the submission in base64) and {@code manifest.json}
 * ({@code verdant.archive-bundle/1}: the number of records, the last id, the chain head and the
 * sha256 of evaluations.jsonl). Re-hashing the rows gives the chain head, so a bundle names its
 * first break just as the archive does.
 */
public final class ArchiveBundle {
    public static final String FORMAT = "verdant.archive-bundle/1";
    static final String ROWS = "evaluations.jsonl";
    static final String MANIFEST = "manifest.json";
    private static final ObjectMapper STRICT = Json.READER.copy()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> MANIFEST_FIELDS = Set.of("format", "row_format", "records", "last_id", "chain_head", "evaluations_sha256");

    private ArchiveBundle() {
    }

    /** What reading a bundle found: its rows, and its integrity (the chain over the rows and the manifest's claims). */
    record Contents(List<Row> rows, ArchiveIntegrity integrity) {
    }

    /**
     * Writes the archive's records to a new directory {@code target} (refused if it exists), after
     * checking the archive: a damaged archive is not exported, its first break is returned instead.
     * The bundle is written beside the target and renamed when complete, so a failed export leaves none.
     */
    public static ArchiveIntegrity export(Archive archive, Path target) {
        ArchiveIntegrity before = archive.verifyAll(null);
        if (!before.intact()) return before;
        if (Files.exists(target)) {
            throw new ArchiveException(target + " 已存在：导出需要一个新的目录", target + " already exists: an export needs a new directory");
        }
        Path parent = target.toAbsolutePath().getParent();
        Path temp;
        try {
            Files.createDirectories(parent);
            temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".part-");
        } catch (IOException e) {
            throw new ArchiveException("无法写入 " + target + "：" + e.getMessage(), "cannot write " + target + ": " + e.getMessage(), e);
        }
        try {
            ByteArrayOutputStream rows = new ByteArrayOutputStream();
            ChainCheck check = new ChainCheck(null);
            archive.forEachRow(r -> {
                check.accept(r);
                rows.writeBytes(line(r).getBytes(StandardCharsets.UTF_8));
            });
            ArchiveIntegrity written = check.result();
            // a record stored between the check and the export is checked with the rest
            if (!written.intact()) return written;
            byte[] bytes = rows.toByteArray();
            ObjectNode m = Json.NODES.objectNode();
            m.put("format", FORMAT);
            m.put("row_format", Row.FORMAT);
            m.put("records", written.records());
            m.put("last_id", written.lastId());
            m.put("chain_head", written.head());
            m.put("evaluations_sha256", Evaluator.sha256(bytes));
            Files.write(temp.resolve(ROWS), bytes);
            Files.writeString(temp.resolve(MANIFEST), Json.PRETTY.writeValueAsString(m) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            return written;
        } catch (IOException e) {
            throw new ArchiveException("无法写入 " + target + "：" + e.getMessage(), "cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** One record as a line of evaluations.jsonl. */
    static String line(Row r) {
        ObjectNode o = Json.NODES.objectNode();
        for (String c : Row.COLUMNS) {
            if (c.equals("submission")) o.put(c, Base64.getEncoder().encodeToString(r.submission()));
            else o.put(c, r.get(c));
        }
        try {
            return Json.COMPACT.writeValueAsString(o) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads and checks a bundle: the manifest strictly, the rows' digest against it, each row
     * strictly (every column once, no other field), then the chain over the rows from record 1, and
     * that it ends where the manifest says. Damage comes back as breaks, never as a partial read.
     */
    /** Checks a bundle without importing it. */
    public static ArchiveIntegrity check(Path bundle) {
        return read(bundle).integrity();
    }

    static Contents read(Path bundle) {
        Path manifestFile = bundle.resolve(MANIFEST);
        Path rowsFile = bundle.resolve(ROWS);
        if (!Files.isRegularFile(manifestFile) || !Files.isRegularFile(rowsFile)) {
            throw new ArchiveException(bundle + " 不是档案导出包（缺少 " + MANIFEST + " 或 " + ROWS + "）",
                    bundle + " is not an archive bundle (no " + MANIFEST + " or " + ROWS + ")");
        }
        JsonNode manifest;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(rowsFile);
            manifest = STRICT.readTree(Files.readAllBytes(manifestFile));
        } catch (IOException e) {
            return damaged("bundle " + MANIFEST, "JSON", e.getMessage().lines().findFirst().orElse(""));
        }
        if (manifest == null || !FORMAT.equals(manifest.path("format").asText())) {
            return damaged("bundle format", FORMAT, manifest == null ? null : manifest.path("format").asText(null));
        }
        for (Iterator<String> it = manifest.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!MANIFEST_FIELDS.contains(f)) return damaged("bundle field", null, f);
        }
        if (!Row.FORMAT.equals(manifest.path("row_format").asText())) {
            return damaged("bundle row_format", Row.FORMAT, manifest.path("row_format").asText(null));
        }
        String digest = Evaluator.sha256(bytes);
        if (!digest.equals(manifest.path("evaluations_sha256").asText())) {
            return damaged("bundle evaluations_sha256", manifest.path("evaluations_sha256").asText(null), digest);
        }
        List<Row> rows = new ArrayList<>();
        ChainCheck check = new ChainCheck(null);
        try (BufferedReader in = new BufferedReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            String text;
            int n = 0;
            while ((text = in.readLine()) != null) {
                n++;
                Row r;
                try {
                    r = row(STRICT.readTree(text));
                } catch (IOException | IllegalArgumentException e) {
                    return damaged("bundle line " + n, "a record", e.getMessage().lines().findFirst().orElse(""));
                }
                rows.add(r);
                check.accept(r);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ArchiveIntegrity chain = check.result();
        if (!chain.intact()) return new Contents(rows, chain);
        if (!chain.head().equals(manifest.path("chain_head").asText())) {
            return damaged("bundle chain_head", manifest.path("chain_head").asText(null), chain.head());
        }
        if (chain.records() != manifest.path("records").asLong(-1)) {
            return damaged("bundle records", manifest.path("records").asText(), String.valueOf(chain.records()));
        }
        return new Contents(rows, chain);
    }

    private static Row row(JsonNode o) {
        if (o == null || !o.isObject()) throw new IllegalArgumentException("not a JSON object");
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Row.COLUMNS.contains(f)) throw new IllegalArgumentException("no column " + f);
        }
        Map<String, String> t = new LinkedHashMap<>();
        byte[] submission = null;
        for (String c : Row.COLUMNS) {
            JsonNode v = o.get(c);
            if (v == null) throw new IllegalArgumentException("no " + c);
            if (!v.isNull() && !v.isTextual()) throw new IllegalArgumentException(c + " is not text");
            if (c.equals("submission")) submission = Base64.getDecoder().decode(v.asText());
            else t.put(c, v.isNull() ? null : Row.canonical(c, v.asText()));
        }
        return new Row(t, submission);
    }

    private static Contents damaged(String what, String expected, String found) {
        ArchiveIntegrity.Break b = new ArchiveIntegrity.Break(0, what, expected, found);
        return new Contents(List.of(), new ArchiveIntegrity(0, 0, null, List.of(b), null, true));
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover .part- directory is named as such and holds nothing the archive depends on
        }
    }
}
