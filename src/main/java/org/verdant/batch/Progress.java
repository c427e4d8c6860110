package org.verdant.batch;

import org.verdant.text.Messages;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on a terminal: inputs done, rate, share of the input bytes read, and
 * the time left at the current rate. Redrawn at most four times a second; {@link #NONE} when the
 * output is not a terminal.
 */
public class Progress {
    public static final Progress NONE = new Progress(null, -1, 0, null) {
        @Override
        public void update(long done, long position, long failed) {
        }

        @Override
        public void finish() {
        }
    };

    private final PrintWriter err;
    private final long totalBytes;
    private final long start;
    private final int threads;
    private final Messages words;
    private long lastDraw;
    private int lastWidth;

    /** {@code totalBytes}: the inputs' size, or -1 when unknown (standard input); {@code words}: the reader's language. */
    public Progress(PrintWriter err, long totalBytes, int threads, Messages words) {
        this.err = err;
        this.words = words;
        this.totalBytes = totalBytes;
        this.threads = threads;
        this.start = System.nanoTime();
    }

    public void update(long done, long position, long failed) {
        long now = System.nanoTime();
        if (now - lastDraw < 250_000_000L) return;
        lastDraw = now;
        double seconds = (now - start) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder line = new StringBuilder("\r");
        double share = totalBytes > 0 ? Math.min(1.0, (double) position / totalBytes) : Double.NaN;
        if (totalBytes > 0) {
            int filled = (int) Math.round(share * 24);
            line.append('[').append("#".repeat(filled)).append(".".repeat(24 - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3.0f%% ", share * 100));
        }
        line.append(words.get("batch.progress.done", count(done))).append("  ")
                .append(words.get("batch.progress.rate", String.format(Locale.ROOT, "%,.0f", rate)));
        if (totalBytes > 0) {
            double eta = share > 0 ? seconds * (1 - share) / share : Double.NaN;
            line.append("  ").append(words.get("batch.progress.eta", clock(eta)));
        }
        if (failed > 0) line.append("  ").append(words.get("batch.progress.failed", count(failed)));
        line.append("  ").append(words.get("batch.progress.threads", String.valueOf(threads)));
        // Chinese characters take two columns: a shorter line is padded by columns, not characters
        int width = org.verdant.text.DisplayWidth.of(line.substring(1));
        if (width < lastWidth) line.append(" ".repeat(lastWidth - width));
        lastWidth = width;
        err.print(line);
        err.flush();
    }

    /** Clears the bar so the summary starts on a clean line. */
    public void finish() {
        if (lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
        }
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String clock(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) return "--:--";
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
