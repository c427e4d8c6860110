package org.verdant.record;

import org.verdant.compare.VerdictDiff;

import java.util.ArrayList;
import java.util.List;
import org.verdant.text.Text;

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
        Text summary,
        List<Text> damage,
        boolean submissionIntact,
        String engineRecorded,
        String engineNow,
        String rulebookDigestRecorded,
        String rulebookDigestNow,
        List<String> rulebookFiles,
        List<FileChange> rulebookChanges,
        Text rerunError,
        VerdictDiff diff,
        String verdictSha256Recorded,
        String verdictSha256Now,
        boolean identical,
        Text evidence) {

    public Verification(Text summary, List<Text> damage, boolean submissionIntact, String engineRecorded, String engineNow,
                        String rulebookDigestRecorded, String rulebookDigestNow, List<String> rulebookFiles,
                        List<FileChange> rulebookChanges, Text rerunError, VerdictDiff diff, String verdictSha256Recorded,
                        String verdictSha256Now, boolean identical) {
        this(summary, damage, submissionIntact, engineRecorded, engineNow, rulebookDigestRecorded, rulebookDigestNow, rulebookFiles,
                rulebookChanges, rerunError, diff, verdictSha256Recorded, verdictSha256Now, identical, null);
    }

    /**
     * The same outcome with the bound evidence files checked: {@code status} says what was found,
     * each file changed or missing is damage (and the record is then not identical).
     */
    public Verification withEvidence(Text status, List<Text> evidenceDamage) {
        List<Text> all = new ArrayList<>(damage);
        all.addAll(evidenceDamage);
        return new Verification(summary, List.copyOf(all), submissionIntact, engineRecorded, engineNow, rulebookDigestRecorded,
                rulebookDigestNow, rulebookFiles, rulebookChanges, rerunError, diff, verdictSha256Recorded, verdictSha256Now,
                identical && evidenceDamage.isEmpty(), status);
    }

    public enum Kind {
        CHANGED("已改动"), ADDED("新增"), REMOVED("已删除");

        final String zh;

        Kind(String zh) {
            this.zh = zh;
        }
    }

    public record FileChange(String path, Kind kind) {
    }

    /** The report in English, one line per fact, for a terminal. */
    public List<String> lines() {
        return lines("en");
    }

    /** The report in {@code lang} (zh or en), one line per fact, for a terminal. Labels are padded to one width in each language. */
    public List<String> lines(String lang) {
        boolean en = "en".equals(lang);
        String pad = "            ";
        List<String> out = new ArrayList<>();
        out.add(pad + summary.in(lang));
        for (Text d : damage) out.add((en ? "DAMAGED     " : "已损坏      ") + d.in(lang));
        if (!submissionIntact) {
            out.add(en ? "differs: the record's submission does not match its digest (the record was altered or damaged); it was not re-run"
                    : "不同：记录中的申报材料与其摘要不符（记录被改动或损坏），未重新运行");
            return out;
        }
        String engineLabel = en ? "engine      " : "引擎        ";
        out.add(engineLabel + (engineNow.equals(engineRecorded) ? engineNow + (en ? " (as recorded)" : "（与记录相同）")
                : (en ? "recorded " + engineRecorded + ", now " + engineNow : "记录时 " + engineRecorded + "，现在 " + engineNow)));
        String rulebookLabel = en ? "rulebook    " : "规则库      ";
        if (rulebookChanges.isEmpty() && rulebookDigestNow != null && rulebookDigestNow.equals(rulebookDigestRecorded)) {
            out.add(rulebookLabel + (en ? rulebookFiles.size() + " files unchanged (" + rulebookDigestNow + ")"
                    : rulebookFiles.size() + " 个文件未改动（" + rulebookDigestNow + "）"));
        } else {
            String now = rulebookDigestNow == null ? (en ? "(not re-run)" : "（未重新运行）") : rulebookDigestNow;
            out.add(rulebookLabel + (en ? "recorded " + rulebookDigestRecorded + ", now " + now : "记录时 " + rulebookDigestRecorded + "，现在 " + now));
            for (FileChange c : rulebookChanges) out.add(String.format("%s%-8s %s", pad, en ? c.kind().name().toLowerCase() : c.kind().zh, c.path()));
            if (rulebookChanges.isEmpty()) out.add(pad + (en ? "no file changed (the set of files or their order did)" : "没有文件改动（改动的是文件集合或顺序）"));
        }
        if (evidence != null) out.add((en ? "evidence    " : "证据        ") + evidence.in(lang));
        String verdictLabel = en ? "verdict     " : "结论        ";
        if (rerunError != null) {
            out.add(verdictLabel + (en ? "cannot be reproduced: " : "无法复现：") + rerunError.in(lang).strip().replace("\n", "\n" + pad));
        } else if (diff.isEmpty() && !identical) {
            out.add(verdictLabel + (en ? "the same in every field, but its text differs" : "各字段相同，但文本不同"));
        } else if (diff.headline().isEmpty() && diff.criteria().isEmpty() && !diff.otherFields().isEmpty()) {
            out.add(verdictLabel + (en ? "no gate or criterion changed; differs only in: " : "基本要求和指标均未变化；仅以下字段不同：")
                    + VerdictDiff.parts(diff.otherFields(), lang));
        } else if (!diff.isEmpty()) {
            List<String> lines = diff.lines(lang);
            out.add(verdictLabel + lines.get(0));
            for (int i = 1; i < lines.size(); i++) out.add(pad + lines.get(i));
        }
        out.add(identical
                ? (en ? "identical: the recorded verdict is reproduced byte for byte (" + verdictSha256Now + ")"
                : "相同：逐字节复现了记录中的结论（" + verdictSha256Now + "）")
                : (en ? "differs: the verdict is not the recorded one" + (damage.isEmpty() ? "" : " (and the record is damaged)")
                : "不同：结论与记录中的不一致" + (damage.isEmpty() ? "" : "（且记录已损坏）")));
        return out;
    }
}
