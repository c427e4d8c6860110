package org.verdant.record;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verdant.text.Json;
import org.verdant.evaluation.Evaluator;
import org.verdant.verdict.VerdictJson;
import org.verdant.text.Messages;
import org.verdant.text.Text;
import org.verdant.rulebook.Rulebook;
import org.verdant.rulebook.SourceFile;
import org.verdant.verdict.Verdict;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Writes and reads records (verdant.record/1). */
public final class Records {
    /** The verdict writer's settings: re-serialising an embedded verdict gives back its exact text. */
    private static final Set<String> LANGS = Set.of("zh", "en");
    /**
     * Records are read strictly: with a key given twice a lenient reader keeps the last one, so a
     * forged first "verdict" or "submission.base64" would hide behind the genuine one, or the
     * other way round. A duplicate key or data after the record is refused as damage.
     */
    private static final ObjectMapper STRICT = Json.READER.copy()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** The fields a record has, by section ("" the top level, "rulebook.files[]" each file); any other is damage. */
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "", Set.of("format", "submission", "options", "rulebook", "engine", "verdict_sha256", "verdict", "assessment", "evidence"),
            "evidence", Set.of("checked", "files"),
            "evidence.files[]", Set.of("sha256", "size"),
            "submission", Set.of("file", "sha256", "base64"),
            "assessment", Set.of("file", "sha256", "base64"),
            "options", Set.of("edition", "table", "grading", "lang"),
            "rulebook", Set.of("digest", "files"),
            "rulebook.files[]", Set.of("path", "sha256"),
            "engine", Set.of("version"));

    private Records() {
    }

    /**
     * The record of an evaluation: its JSON verdict in {@code lang} (as evaluate --format json
     * prints it), with the bytes of the rulebook files the verdict names taken from {@code rulebook}.
     */
    public static EvaluationRecord of(Verdict verdict, byte[] submission, Evaluator.Options options, String lang, Rulebook rulebook) {
        return of(verdict, VerdictJson.write(verdict, new Messages(lang)), submission, options, lang, rulebook);
    }

    /** The same, from the verdict's JSON already written in {@code lang}. */
    public static EvaluationRecord of(Verdict verdict, String verdictJson, byte[] submission, Evaluator.Options options, String lang,
                                      Rulebook rulebook) {
        JsonNode tree = parse(verdictJson);
        return new EvaluationRecord(tree.path("input").path("file").asText(), submission.clone(), Evaluator.sha256(submission),
                options.edition(), options.table(), options.grading(), lang, verdict.rulebookDigest(), fileDigests(verdict.rulebookFiles(), rulebook),
                verdict.engineVersion(), sha256(verdictJson), tree, attached(options.assessment()));
    }

    private static EvaluationRecord.Attached attached(org.verdant.assessment.Assessment a) {
        return a == null ? null : new EvaluationRecord.Attached(a.file(), a.bytes(), a.digest());
    }

    /** The per-file digests of {@code paths} in {@code rulebook}; a path the rulebook lacks is left out. */
    public static List<EvaluationRecord.FileDigest> fileDigests(List<String> paths, Rulebook rulebook) {
        Map<String, SourceFile> byPath = rulebook.files().stream().collect(Collectors.toMap(SourceFile::logicalPath, Function.identity()));
        List<EvaluationRecord.FileDigest> out = new ArrayList<>();
        for (String p : paths) {
            SourceFile f = byPath.get(p);
            if (f != null) out.add(new EvaluationRecord.FileDigest(p, fileSha256(f.bytes())));
        }
        return out;
    }

    /**
     * A rulebook file's sha256, line endings normalised as in the rulebook digest, so a checkout on
     * Windows verifies like one on Linux (and on Linux it is what sha256sum prints).
     */
    static String fileSha256(byte[] bytes) {
        return Evaluator.sha256(new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(String text) {
        return Evaluator.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String toJson(EvaluationRecord r) {
        ObjectNode root = Json.NODES.objectNode();
        root.put("format", EvaluationRecord.FORMAT);
        ObjectNode submission = root.putObject("submission");
        submission.put("file", r.submissionFile());
        submission.put("sha256", r.submissionSha256());
        submission.put("base64", Base64.getEncoder().encodeToString(r.submission()));
        ObjectNode options = root.putObject("options");
        options.put("edition", r.edition());
        if (r.table() != null) options.put("table", r.table()); // absent in records made before indicator tables
        options.put("grading", r.grading());
        options.put("lang", r.lang());
        ObjectNode rulebook = root.putObject("rulebook");
        rulebook.put("digest", r.rulebookDigest());
        ArrayNode files = rulebook.putArray("files");
        for (EvaluationRecord.FileDigest f : r.rulebookFiles()) files.addObject().put("path", f.path()).put("sha256", f.sha256());
        if (r.assessment() != null) {
            // absent in records made without an assessment, so their text is what it was
            root.putObject("assessment").put("file", r.assessment().file()).put("sha256", r.assessment().sha256())
                    .put("base64", Base64.getEncoder().encodeToString(r.assessment().bytes()));
        }
        if (r.evidence() != null) {
            // absent in records of submissions citing no uploaded file, so their text is what it was
            ObjectNode evidence = root.putObject("evidence");
            evidence.put("checked", r.evidence().checked());
            ArrayNode cited = evidence.putArray("files");
            for (EvaluationRecord.EvidenceDigest d : r.evidence().files()) {
                ObjectNode f = cited.addObject().put("sha256", d.sha256());
                if (d.size() != null) f.put("size", d.size());
            }
        }
        root.putObject("engine").put("version", r.engineVersion());
        root.put("verdict_sha256", r.verdictSha256());
        root.set("verdict", r.verdict());
        try {
            return Json.PRETTY.writeValueAsString(root) + "\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a record; a file that is not one is refused with the reason. A record with a key given
     * twice, a field no record has or data after it is refused as {@link DamagedRecordException}.
     */
    public static EvaluationRecord read(byte[] bytes) throws InvalidRecordException {
        JsonNode root;
        try {
            root = STRICT.readTree(bytes);
        } catch (JsonProcessingException e) {
            String reason = firstLine(e.getOriginalMessage());
            String at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            String atZh = e.getLocation() == null ? "" : "（第 " + e.getLocation().getLineNr() + " 行第 " + e.getLocation().getColumnNr() + " 列）";
            if (reason.startsWith("Duplicate field")) {
                String field = reason.replaceAll("^Duplicate field '(.*)'.*$", "$1");
                throw new DamagedRecordException(new Text("键“" + field + "”出现两次" + atZh + "：真实的记录中每个键只出现一次，其中一个是伪造的",
                        "the key '" + field + "' appears twice" + at + ": a genuine record has each key once, so one of them is forged"));
            }
            if (reason.startsWith("Trailing token")) {
                throw new DamagedRecordException(new Text("记录之后还有数据" + atZh, "there is data after the record" + at));
            }
            throw new InvalidRecordException("not JSON: " + reason + at);
        } catch (Exception e) {
            throw new InvalidRecordException("not JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) throw new InvalidRecordException("not a JSON object");
        if (!EvaluationRecord.FORMAT.equals(root.path("format").asText())) {
            throw new InvalidRecordException("format is '" + root.path("format").asText() + "', expected " + EvaluationRecord.FORMAT
                    + (root.path("format").asText().equals("verdant.verdict/1") ? " (this is a verdict; write a record with evaluate --record)" : ""));
        }
        checkFields(root);
        byte[] submission;
        try {
            submission = Base64.getDecoder().decode(text(root, "submission", "base64"));
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("submission.base64: not base64: " + e.getMessage());
        }
        String lang = text(root, "options", "lang");
        if (!LANGS.contains(lang)) throw new InvalidRecordException("options.lang: '" + lang + "' is not zh or en");
        List<EvaluationRecord.FileDigest> files = new ArrayList<>();
        JsonNode list = root.path("rulebook").path("files");
        if (!list.isArray()) throw new InvalidRecordException("rulebook.files: missing");
        for (JsonNode f : list) files.add(new EvaluationRecord.FileDigest(f.path("path").asText(), f.path("sha256").asText()));
        JsonNode verdict = root.get("verdict");
        if (verdict == null || !verdict.isObject()) throw new InvalidRecordException("verdict: missing");
        return new EvaluationRecord(text(root, "submission", "file"), submission, text(root, "submission", "sha256"),
                optional(root.path("options").get("edition")), optional(root.path("options").get("table")),
                optional(root.path("options").get("grading")), lang,
                text(root, "rulebook", "digest"), files, text(root, "engine", "version"), text(root, "verdict_sha256", null), verdict,
                assessment(root)).withEvidence(evidence(root));
    }

    private static EvaluationRecord.Evidence evidence(JsonNode root) throws InvalidRecordException {
        JsonNode e = root.get("evidence");
        if (e == null) return null;
        if (!e.path("checked").isBoolean()) throw new InvalidRecordException("evidence.checked: missing");
        JsonNode files = e.path("files");
        if (!files.isArray()) throw new InvalidRecordException("evidence.files: missing");
        List<EvaluationRecord.EvidenceDigest> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            JsonNode f = files.get(i);
            if (!f.path("sha256").isTextual()) throw new InvalidRecordException("evidence.files[" + i + "].sha256: missing");
            JsonNode size = f.get("size");
            if (size != null && !size.canConvertToLong()) throw new InvalidRecordException("evidence.files[" + i + "].size: not a number");
            out.add(new EvaluationRecord.EvidenceDigest(f.get("sha256").asText(), size == null ? null : size.asLong()));
        }
        return new EvaluationRecord.Evidence(e.get("checked").asBoolean(), out);
    }

    private static EvaluationRecord.Attached assessment(JsonNode root) throws InvalidRecordException {
        if (root.get("assessment") == null) return null;
        try {
            byte[] bytes = Base64.getDecoder().decode(text(root, "assessment", "base64"));
            return new EvaluationRecord.Attached(text(root, "assessment", "file"), bytes, text(root, "assessment", "sha256"));
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("assessment.base64: not base64: " + e.getMessage());
        }
    }

    /** A field that no record has is damage: nothing a genuine evaluation writes, so nothing to trust. */
    private static void checkFields(JsonNode root) throws DamagedRecordException {
        unknown(root, "", "");
        for (String section : List.of("submission", "options", "rulebook", "engine", "assessment", "evidence")) {
            JsonNode n = root.get(section);
            if (n != null && n.isObject()) unknown(n, section, section + ".");
        }
        JsonNode files = root.path("rulebook").path("files");
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).isObject()) unknown(files.get(i), "rulebook.files[]", "rulebook.files[" + i + "].");
        }
        JsonNode cited = root.path("evidence").path("files");
        for (int i = 0; i < cited.size(); i++) {
            if (cited.get(i).isObject()) unknown(cited.get(i), "evidence.files[]", "evidence.files[" + i + "].");
        }
    }

    private static void unknown(JsonNode n, String section, String prefix) throws DamagedRecordException {
        Set<String> allowed = FIELDS.get(section);
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new DamagedRecordException(new Text("字段“" + prefix + name + "”不属于记录格式 " + EvaluationRecord.FORMAT,
                        "the field '" + prefix + name + "' is not part of the " + EvaluationRecord.FORMAT + " format"));
            }
        }
    }

    /** The embedded verdict's text as the verdict writer printed it, for its digest. */
    public static String verdictText(JsonNode verdict) {
        try {
            return Json.PRETTY.writeValueAsString(verdict) + "\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return Json.READER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("the verdict writer produced invalid JSON", e);
        }
    }

    private static String text(JsonNode root, String section, String field) throws InvalidRecordException {
        JsonNode n = field == null ? root.get(section) : root.path(section).get(field);
        if (n == null || !n.isTextual()) throw new InvalidRecordException((field == null ? section : section + "." + field) + ": missing");
        return n.asText();
    }

    private static String optional(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
