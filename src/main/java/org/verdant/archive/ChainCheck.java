package org.verdant.archive;

import org.verdant.evaluation.Evaluator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks rows in id order as they stream past: ids gap-free from 1, each row's previous_hash the
 * row hash before it, its row_hash over its own columns, its indexed columns those of its verdict,
 * and each facility-year's records one line by previous_id. Every row hashes once, so an archive
 * of any size is checked in one pass with the last row's hash and the facilities' heads in memory.
 */
final class ChainCheck {
    /** Enough to show how far damage reaches without printing the whole archive. */
    static final int MAX_BREAKS = 100;
    /** The indexed columns read from the verdict; each must be what the verdict says. */
    private static final List<String> FROM_VERDICT = List.of("scheme", "edition", "credit_code", "facility_name", "industry", "province",
            "reporting_year", "eligible", "mandatory_met", "score", "grade", "lang", "input_digest", "rulebook_digest", "engine_version");

    private long expectedId = 1;
    private String previousHash = Row.GENESIS;
    private final Map<String, Long> facilityHeads = new HashMap<>();
    private final List<ArchiveIntegrity.Break> breaks = new ArrayList<>();
    private long records;
    private long lastId;
    private final String headAsked;
    private boolean headFound;

    ChainCheck(String headAsked) {
        this.headAsked = headAsked;
        this.headFound = headAsked == null || headAsked.equals(Row.GENESIS);
    }

    void accept(Row r) {
        records++;
        long id = r.id();
        lastId = id;
        if (id != expectedId) add(id, "id", String.valueOf(expectedId), String.valueOf(id));
        expectedId = id + 1;
        if (!previousHash.equals(r.previousHash())) add(id, "previous_hash", previousHash, r.previousHash());
        String computed = r.computeHash();
        if (!computed.equals(r.rowHash())) add(id, "row_hash", computed, r.rowHash());
        // the next row must chain to this row as stored: one rewritten row is one break, not a break at every row after it
        previousHash = r.rowHash() == null ? computed : r.rowHash();
        if (headAsked != null && headAsked.equals(r.rowHash())) headFound = true;
        columns(r, id);
        String key = r.get("scheme") + "\u0000" + r.get("credit_code") + "\u0000" + r.get("reporting_year");
        Long head = facilityHeads.get(key);
        String expectedPrevious = head == null ? null : String.valueOf(head);
        if (!Objects.equals(expectedPrevious, r.get("previous_id"))) add(id, "previous_id", expectedPrevious, r.get("previous_id"));
        facilityHeads.put(key, id);
    }

    private void columns(Row r, long id) {
        Map<String, String> fromVerdict = new LinkedHashMap<>();
        String inputFile;
        try {
            Archive.Fields f = Archive.Fields.read(r.get("verdict_json") == null ? "" : r.get("verdict_json"));
            f.into(fromVerdict);
            inputFile = f.inputFile();
        } catch (ArchiveException e) {
            add(id, "verdict", null, e.getMessage());
            return;
        }
        for (String c : FROM_VERDICT) {
            String expected = Row.canonical(c, fromVerdict.get(c));
            if (!Objects.equals(expected, r.get(c))) add(id, "column " + c, expected, r.get(c));
        }
        String stored = r.get("input_file");
        String storedName = stored == null ? null : stored.substring(Math.max(stored.lastIndexOf('/'), stored.lastIndexOf('\\')) + 1);
        if (inputFile != null && !inputFile.equals(storedName)) add(id, "column input_file", inputFile, stored);
        String digest = Evaluator.sha256(r.submission());
        if (!digest.equals(fromVerdict.get("input_digest"))) add(id, "submission", fromVerdict.get("input_digest"), digest);
    }

    private void add(long id, String what, String expected, String found) {
        if (breaks.size() < MAX_BREAKS) breaks.add(new ArchiveIntegrity.Break(id, what, expected, found));
    }

    /** The row hash the next record must chain to. */
    String head() {
        return previousHash;
    }

    long records() {
        return records;
    }

    ArchiveIntegrity result() {
        List<ArchiveIntegrity.Break> out = new ArrayList<>(breaks);
        if (!headFound) out.add(new ArchiveIntegrity.Break(lastId, "head", headAsked, previousHash));
        return new ArchiveIntegrity(records, lastId, previousHash, List.copyOf(out), headAsked, headFound);
    }
}
