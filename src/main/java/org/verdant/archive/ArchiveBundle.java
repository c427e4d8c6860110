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
 * canonical text or null, the submission in base64), one {@code TABLE.jsonl} per other chained
 * table ({@link TableChain.Table}: one object per row in chain order, every column with
 * chain_seq, previous_hash and row_hash, bytes in base64) and {@code manifest.json}
 * ({@code verdant.archive-bundle/2}: the number of records, the last id, the chain head and the
 * sha256 of evaluations.jsonl, and per table its rows, head and file's sha256). Re-hashing the
 * rows gives every head, so a bundle names its first break just as the archive does. Bundles of
 * {@code verdant.archive-bundle/1} (evaluations only) are still read.
 */
public final class ArchiveBundle {
    public static final String FORMAT = "verdant.archive-bundle/2";
    /** The first format: evaluations only, no {@code tables} in the manifest. */
    public static final String FORMAT_1 = "verdant.archive-bundle/1";
    static final String ROWS = "evaluations.jsonl";
    static final String MANIFEST = "manifest.json";
    private static final ObjectMapper STRICT = Json.READER.copy()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> MANIFEST_FIELDS_1 = Set.of("format", "row_format", "records", "last_id", "chain_head", "evaluations_sha256");
    private static final Set<String> MANIFEST_FIELDS = Set.of("format", "row_format", "table_row_format", "records", "last_id", "chain_head",
            "evaluations_sha256", "tables");
    private static final Set<String> TABLE_FIELDS = Set.of("rows", "head", "sha256");

    private ArchiveBundle() {
    }

    /**
     * What reading a bundle found: its rows, each other table's rows in chain order (empty for a
     * {@code /1} bundle, which has none), and its integrity (the chains over the rows and the manifest's claims).
     */
    record Contents(List<Row> rows, Map<TableChain.Table, List<Map<String, Object>>> tables, ArchiveIntegrity integrity) {
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
            ArchiveIntegrity evaluations = check.result();
            // a row stored between the check and the export is checked with the rest
            if (!evaluations.intact()) return evaluations;
            byte[] bytes = rows.toByteArray();
            ObjectNode m = Json.NODES.objectNode();
            m.put("format", FORMAT);
            m.put("row_format", Row.FORMAT);
            m.put("table_row_format", TableChain.FORMAT);
            m.put("records", evaluations.records());
            m.put("last_id", evaluations.lastId());
            m.put("chain_head", evaluations.head());
            m.put("evaluations_sha256", Evaluator.sha256(bytes));
            Files.write(temp.resolve(ROWS), bytes);
            ObjectNode tables = m.putObject("tables");
            Map<String, String> heads = new LinkedHashMap<>();
            heads.put(ArchiveIntegrity.Break.EVALUATION, evaluations.head());
            List<ArchiveIntegrity.Break> breaks = new ArrayList<>();
            try (java.sql.Connection c = archive.connect()) {
                for (TableChain.Table t : TableChain.Table.values()) {
                    ByteArrayOutputStream lines = new ByteArrayOutputStream();
                    TableChain.Walker walker = new TableChain.Walker(t, null);
                    TableChain.forEachRow(c, t, row -> {
                        walker.accept(row);
                        lines.writeBytes(line(t, row).getBytes(StandardCharsets.UTF_8));
                    });
                    TableChain.Walk walk = walker.result();
                    breaks.addAll(walk.breaks());
                    byte[] tableBytes = lines.toByteArray();
                    Files.write(temp.resolve(t.name + ".jsonl"), tableBytes);
                    tables.putObject(t.name).put("rows", walk.rows()).put("head", walk.head()).put("sha256", Evaluator.sha256(tableBytes));
                    heads.put(t.name, walk.head());
                }
            } catch (java.sql.SQLException e) {
                throw new ArchiveException("无法读取档案库：" + e.getMessage(), "cannot read the archive: " + e.getMessage(), e);
            }
            ArchiveIntegrity written = new ArchiveIntegrity(evaluations.records(), evaluations.lastId(), evaluations.head(), List.copyOf(breaks),
                    null, true, java.util.Collections.unmodifiableMap(heads));
            if (!written.intact()) return written;
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

    /** One row of another table as a line of TABLE.jsonl: every hashed column and row_hash, bytes in base64. */
    static String line(TableChain.Table t, Map<String, Object> row) {
        ObjectNode o = Json.NODES.objectNode();
        List<String> cols = new ArrayList<>(t.written());
        cols.add("row_hash");
        for (String c : cols) {
            Object v = row.get(c);
            if (v == null) o.putNull(c);
            else if (v instanceof byte[] b) o.put(c, Base64.getEncoder().encodeToString(b));
            else o.put(c, v.toString());
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
        String format = manifest == null ? null : manifest.path("format").asText(null);
        boolean first = FORMAT_1.equals(format);
        if (!first && !FORMAT.equals(format)) return damaged("bundle format", FORMAT, format);
        for (Iterator<String> it = manifest.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!(first ? MANIFEST_FIELDS_1 : MANIFEST_FIELDS).contains(f)) return damaged("bundle field", null, f);
        }
        if (!Row.FORMAT.equals(manifest.path("row_format").asText())) {
            return damaged("bundle row_format", Row.FORMAT, manifest.path("row_format").asText(null));
        }
        if (!first && !TableChain.FORMAT.equals(manifest.path("table_row_format").asText())) {
            return damaged("bundle table_row_format", TableChain.FORMAT, manifest.path("table_row_format").asText(null));
        }
        String digest = Evaluator.sha256(bytes);
        if (!digest.equals(manifest.path("evaluations_sha256").asText())) {
            return damaged("bundle evaluations_sha256", manifest.path("evaluations_sha256").asText(null), digest);
        }
        List<Row> rows = new ArrayList<>();
        ChainCheck check = new ChainCheck(null);
        int n = 0;
        for (String text : lines(bytes)) {
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
        ArchiveIntegrity chain = check.result();
        if (!chain.intact()) return new Contents(rows, Map.of(), chain);
        if (!chain.head().equals(manifest.path("chain_head").asText())) {
            return damaged("bundle chain_head", manifest.path("chain_head").asText(null), chain.head());
        }
        if (chain.records() != manifest.path("records").asLong(-1)) {
            return damaged("bundle records", manifest.path("records").asText(), String.valueOf(chain.records()));
        }
        Map<String, String> heads = new LinkedHashMap<>();
        heads.put(ArchiveIntegrity.Break.EVALUATION, chain.head());
        Map<TableChain.Table, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        if (!first) {
            JsonNode listed = manifest.path("tables");
            if (!listed.isObject()) return damaged("bundle tables", "an object", listed.toString());
            for (Iterator<String> it = listed.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (TableChain.Table.named(name) == null) return damaged("bundle table", null, name);
            }
            for (TableChain.Table t : TableChain.Table.values()) {
                Object read = table(bundle, t, listed.get(t.name));
                if (read instanceof Contents damage) return damage;
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> tableRows = (List<Map<String, Object>>) read;
                tables.put(t, tableRows);
                heads.put(t.name, listed.get(t.name).path("head").asText());
            }
        }
        return new Contents(rows, tables, new ArchiveIntegrity(chain.records(), chain.lastId(), chain.head(), List.of(), null, true,
                java.util.Collections.unmodifiableMap(heads)));
    }

    /** One other table of a /2 bundle, checked: its file's digest, each line strictly, its chain, and its head and rows as listed. */
    private static Object table(Path bundle, TableChain.Table t, JsonNode listed) {
        String what = "bundle tables." + t.name;
        if (listed == null || !listed.isObject()) return damaged(what, "rows, head, sha256", null);
        for (Iterator<String> it = listed.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!TABLE_FIELDS.contains(f)) return damaged(what + " field", null, f);
        }
        Path file = bundle.resolve(t.name + ".jsonl");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return damaged(what, t.name + ".jsonl", e.getMessage());
        }
        String digest = Evaluator.sha256(bytes);
        if (!digest.equals(listed.path("sha256").asText())) return damaged(what + ".sha256", listed.path("sha256").asText(null), digest);
        List<String> columns = new ArrayList<>(t.written());
        columns.add("row_hash");
        List<Map<String, Object>> rows = new ArrayList<>();
        TableChain.Walker walker = new TableChain.Walker(t, null);
        int n = 0;
        for (String text : lines(bytes)) {
            n++;
            Map<String, Object> row = new LinkedHashMap<>();
            try {
                JsonNode o = STRICT.readTree(text);
                if (o == null || !o.isObject()) throw new IllegalArgumentException("not a JSON object");
                for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (!columns.contains(f)) throw new IllegalArgumentException("no column " + f);
                }
                for (String c : columns) {
                    JsonNode v = o.get(c);
                    if (v == null) throw new IllegalArgumentException("no " + c);
                    if (!v.isNull() && !v.isTextual()) throw new IllegalArgumentException(c + " is not text");
                    row.put(c, v.isNull() ? null : t.bytes.contains(c) ? Base64.getDecoder().decode(v.asText()) : v.asText());
                }
            } catch (IOException | IllegalArgumentException e) {
                return damaged("bundle " + t.name + ".jsonl line " + n, "a row", e.getMessage().lines().findFirst().orElse(""));
            }
            rows.add(row);
            walker.accept(row);
        }
        TableChain.Walk walk = walker.result();
        if (!walk.breaks().isEmpty()) {
            return new Contents(List.of(), Map.of(), new ArchiveIntegrity(0, 0, null, walk.breaks(), null, true));
        }
        if (!walk.head().equals(listed.path("head").asText())) return damaged(what + ".head", listed.path("head").asText(null), walk.head());
        if (walk.rows() != listed.path("rows").asLong(-1)) return damaged(what + ".rows", listed.path("rows").asText(), String.valueOf(walk.rows()));
        return rows;
    }

    private static List<String> lines(byte[] bytes) {
        try (BufferedReader in = new BufferedReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            return in.lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
        return new Contents(List.of(), Map.of(), new ArchiveIntegrity(0, 0, null, List.of(b), null, true));
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
