package org.verdant.coverage;

import org.verdant.yaml.Msg;

import java.util.ArrayList;
import java.util.List;

/** A short line diff for a failing fixture: the changed lines with one line of context, capped. */
final class LineDiff {
    /** Beyond this many cells the middle is not aligned line by line (memory); its ends are shown instead. */
    private static final long MAX_CELLS = 4_000_000L;

    private LineDiff() {
    }

    /** At most {@code maxLines} lines of "- expected" / "+ actual", with "  context" and "…" for gaps. */
    static List<String> shortDiff(String expected, String actual, int maxLines) {
        return shortDiff(expected, actual, maxLines, "en");
    }

    /** The same, its markers (the first changed line, how many more) in {@code lang}. */
    static List<String> shortDiff(String expected, String actual, int maxLines, String lang) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        int start = 0;
        while (start < a.length && start < b.length && a[start].equals(b[start])) start++;
        int endA = a.length;
        int endB = b.length;
        while (endA > start && endB > start && a[endA - 1].equals(b[endB - 1])) {
            endA--;
            endB--;
        }
        List<String> ops = new ArrayList<>(); // " x", "-x", "+x" over the differing middle
        int n = endA - start;
        int m = endB - start;
        if ((long) (n + 1) * (m + 1) <= MAX_CELLS) {
            int[][] lcs = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    lcs[i][j] = a[start + i].equals(b[start + j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && a[start + i].equals(b[start + j])) {
                    ops.add(" " + a[start + i++]);
                    j++;
                } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                    ops.add("+" + b[start + j++]);
                } else {
                    ops.add("-" + a[start + i++]);
                }
            }
        } else {
            for (int i = 0; i < n; i++) ops.add("-" + a[start + i]);
            for (int j = 0; j < m; j++) ops.add("+" + b[start + j]);
        }
        List<String> out = new ArrayList<>();
        if (ops.isEmpty()) return out;
        out.add(Msg.of("line_diff.at_line", start + 1).render(lang));
        boolean gap = false;
        for (int k = 0; k < ops.size(); k++) {
            boolean changed = ops.get(k).charAt(0) != ' ';
            boolean nearChange = changed || (k > 0 && ops.get(k - 1).charAt(0) != ' ') || (k + 1 < ops.size() && ops.get(k + 1).charAt(0) != ' ');
            if (!nearChange) {
                gap = true;
                continue;
            }
            if (out.size() > maxLines) {
                long more = ops.subList(k, ops.size()).stream().filter(op -> op.charAt(0) != ' ').count();
                out.add("  " + Msg.of("line_diff.more", more).render(lang));
                break;
            }
            if (gap) out.add("  …");
            gap = false;
            out.add(ops.get(k).charAt(0) + " " + ops.get(k).substring(1).strip());
        }
        return out;
    }
}
