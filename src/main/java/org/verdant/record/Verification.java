package org.verdant.record;

import org.verdant.compare.VerdictDiff;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of re-running a record: whether the record is intact, what changed in the engine
 * and the rulebook, and how the verdict differs. {@code identical} only when the record is intact
 * and the new verdict's text is byte for byte the recorded one.
 *
 * @param damage         ways the record disagrees with itself (altered or damaged); empty when intact
 * @param rerunError     why the evaluation could not be re-run under the current rulebook, or null
 * @param rulebookFiles  the files the new evaluation used (the recorded ones when it could not run)
 * @param rulebookChanges files changed, added or removed since the record, by per-file digest
 * @param diff           the recorded verdict → the new one; null when it could not be re-run
 */
public record Verification(
        String summary,
        List<String> damage,
        boolean submissionIntact,
        String engineRecorded,
        String engineNow,
        String rulebookDigestRecorded,
        String rulebookDigestNow,
        List<String> rulebookFiles,
        List<FileChange> rulebookChanges,
        String rerunError,
        VerdictDiff diff,
        String verdictSha256Recorded,
        String verdictSha256Now,
        boolean identical) {

    public enum Kind { CHANGED, ADDED, REMOVED }

    public record FileChange(String path, Kind kind) {
    }

    /** The report, one line per fact, for a terminal. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("            " + summary);
        for (String d : damage) out.add("DAMAGED     " + d);
        if (!submissionIntact) {
            out.add("differs: the record's submission does not match its digest (the record was altered or damaged); it was not re-run");
            return out;
        }
        out.add("engine      " + (engineNow.equals(engineRecorded) ? engineNow + " (as recorded)" : "recorded " + engineRecorded + ", now " + engineNow));
        if (rulebookChanges.isEmpty() && rulebookDigestNow != null && rulebookDigestNow.equals(rulebookDigestRecorded)) {
            out.add("rulebook    " + rulebookFiles.size() + " files unchanged (" + rulebookDigestNow + ")");
        } else {
            out.add("rulebook    recorded " + rulebookDigestRecorded + ", now " + (rulebookDigestNow == null ? "(not re-run)" : rulebookDigestNow));
            for (FileChange c : rulebookChanges) out.add(String.format("            %-8s %s", c.kind().name().toLowerCase(), c.path()));
            if (rulebookChanges.isEmpty()) out.add("            no file changed (the set of files or their order did)");
        }
        if (rerunError != null) {
            out.add("verdict     cannot be reproduced: " + rerunError.strip().replace("\n", "\n            "));
        } else if (diff.isEmpty() && !identical) {
            out.add("verdict     the same in every field, but its text differs");
        } else if (diff.headline().isEmpty() && diff.criteria().isEmpty() && !diff.otherFields().isEmpty()) {
            out.add("verdict     no gate or criterion changed; differs only in: " + String.join(", ", diff.otherFields()));
        } else if (!diff.isEmpty()) {
            List<String> lines = diff.lines();
            out.add("verdict     " + lines.get(0));
            for (int i = 1; i < lines.size(); i++) out.add("            " + lines.get(i));
        }
        out.add(identical
                ? "identical: the recorded verdict is reproduced byte for byte (" + verdictSha256Now + ")"
                : "differs: the verdict is not the recorded one" + (damage.isEmpty() ? "" : " (and the record is damaged)"));
        return out;
    }
}
