package org.verdant.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verdant.text.Json;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * A batch's results being written: the lines go to {@code FILE.partial}, and what the batch was
 * run on to {@code FILE.partial.state} (the inputs' digest, the rulebook's digest, the settings
 * that change a line). Only when every input has its line is the partial file flushed to disk and
 * renamed to FILE, and the state removed, so an interrupted batch (a stop signal, {@code kill -9},
 * a power cut) leaves the earlier FILE untouched and a file whose name says it is incomplete.
 *
 * <p>{@link #resume} takes a partial file whose state matches up again: every complete line (an
 * input's line is written whole or cut at the end of the file, never mixed with another's) is
 * kept, the rest is cut off, and the batch goes on at the next input. Each input's line depends
 * only on that input and the settings, so a resumed batch ends byte-identical to one run without
 * a break.
 */
public final class PartialResults {
    public static final String SUFFIX = ".partial";
    public static final String STATE_SUFFIX = ".partial.state";
    static final String STATE_FORMAT = "verdant.batch-partial/1";

    /** Why a partial file cannot be resumed, as a user can act on it. */
    public enum Mismatch { NO_STATE, INPUTS, RULEBOOK, SETTINGS, STANDARD_INPUT }

    /** A partial file that cannot be resumed. */
    public static final class NotResumable extends Exception {
        private final Mismatch mismatch;
        private final Path partial;

        NotResumable(Mismatch mismatch, Path partial) {
            super(mismatch + ": " + partial);
            this.mismatch = mismatch;
            this.partial = partial;
        }

        public Mismatch mismatch() {
            return mismatch;
        }

        public Path partial() {
            return partial;
        }
    }

    /** What the lines depend on: the inputs (by content), the rulebook (by digest), and the settings. */
    public record State(String inputsDigest, String rulebookDigest, String settings) {
        byte[] json() {
            ObjectNode o = Json.NODES.objectNode();
            o.put("format", STATE_FORMAT);
            o.put("inputs_digest", inputsDigest);
            o.put("rulebook_digest", rulebookDigest);
            o.put("settings", settings);
            return Json.compact(o);
        }

        static State read(Path file) throws IOException {
            JsonNode n = Json.read(Files.readAllBytes(file));
            if (!STATE_FORMAT.equals(n.path("format").asText())) throw new IOException("not a " + STATE_FORMAT + " file");
            return new State(n.path("inputs_digest").asText(), n.path("rulebook_digest").asText(), n.path("settings").asText());
        }
    }

    private final Path target;
    private final Path partial;
    private final Path state;
    private final FileChannel channel;
    private final OutputStream out;
    private final long keptBytes;
    private long resumedLines;
    private boolean committed;

    private PartialResults(Path target, FileChannel channel, long keptBytes) {
        this.target = target;
        this.partial = partialOf(target);
        this.state = stateOf(target);
        this.channel = channel;
        this.keptBytes = keptBytes;
        // each line is one write; a full buffer goes to the file as it fills, so a killed batch loses at most its last 64 kB
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    public static Path partialOf(Path target) {
        return target.resolveSibling(target.getFileName() + SUFFIX);
    }

    public static Path stateOf(Path target) {
        return target.resolveSibling(target.getFileName() + STATE_SUFFIX);
    }

    /** Starts afresh: an empty partial file (an earlier one is replaced) and its state; null state: not resumable. */
    public static PartialResults start(Path target, State s) throws IOException {
        Path stateFile = stateOf(target);
        Files.deleteIfExists(stateFile);
        FileChannel channel = FileChannel.open(partialOf(target), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        if (s != null) Files.write(stateFile, s.json());
        return new PartialResults(target, channel, 0);
    }

    /** Whether there is a partial file to resume for {@code target}. */
    public static boolean exists(Path target) {
        return Files.isRegularFile(partialOf(target));
    }

    /**
     * Takes up {@code target}'s partial file if its state is {@code expected}, cut after its last
     * complete line; {@link #replay} then counts the kept lines and moves past their inputs.
     */
    public static PartialResults resume(Path target, State expected) throws IOException, NotResumable {
        Path partial = partialOf(target);
        Path stateFile = stateOf(target);
        if (expected == null) throw new NotResumable(Mismatch.STANDARD_INPUT, partial);
        if (!Files.isRegularFile(stateFile)) throw new NotResumable(Mismatch.NO_STATE, partial);
        State found;
        try {
            found = State.read(stateFile);
        } catch (IOException e) {
            throw new NotResumable(Mismatch.NO_STATE, partial);
        }
        if (!found.rulebookDigest().equals(expected.rulebookDigest())) throw new NotResumable(Mismatch.RULEBOOK, partial);
        if (!found.settings().equals(expected.settings())) throw new NotResumable(Mismatch.SETTINGS, partial);
        if (!found.inputsDigest().equals(expected.inputsDigest())) throw new NotResumable(Mismatch.INPUTS, partial);
        long kept = keptLength(partial);
        FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE);
        channel.truncate(kept);
        channel.position(kept);
        return new PartialResults(target, channel, kept);
    }

    /**
     * Adds each kept line's outcome to {@code summary}, paired with its input (so the summary
     * names it as an uninterrupted batch would), and returns the inputs that have no line yet.
     */
    public Iterator<Inputs.Item> replay(Iterator<Inputs.Item> inputs, Summary summary) throws IOException {
        if (keptBytes == 0) return inputs;
        try (var in = new java.io.BufferedInputStream(Files.newInputStream(partial), 1 << 16)) {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(1 << 16);
            for (long read = 0; read < keptBytes; read++) {
                int b = in.read();
                if (b < 0) break;
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                if (!inputs.hasNext()) throw new IOException(partial + ": more lines than inputs");
                summary.add(outcome(inputs.next(), line.toByteArray()));
                resumedLines++;
                line.reset();
            }
        }
        return inputs;
    }

    /** The length up to and including the last line break: a line cut short by the interruption is dropped. */
    private static long keptLength(Path partial) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(partial.toFile(), "r")) {
            long end = f.length();
            byte[] block = new byte[1 << 16];
            while (end > 0) {
                int n = (int) Math.min(block.length, end);
                f.seek(end - n);
                f.readFully(block, 0, n);
                for (int i = n - 1; i >= 0; i--) if (block[i] == '\n') return end - n + i + 1;
                end -= n;
            }
            return 0;
        }
    }

    /** What the summary counts of a line already written for {@code item}: a verdict, a check or an error record. */
    static Outcome outcome(Inputs.Item item, byte[] line) throws IOException {
        JsonNode n = Json.read(line);
        byte[] withBreak = java.util.Arrays.copyOf(line, line.length + 1);
        withBreak[line.length] = '\n';
        if (n.has("problems")) {
            JsonNode first = n.path("problems").path(0);
            return new Outcome(item.seq(), item.input(), item.document(), item.inStream(), n.path("status").asText(), n.path("exit_code").asInt(),
                    withBreak, null, null, null, null, null, first.isMissingNode() ? "" : first.asText());
        }
        JsonNode score = n.get("score");
        JsonNode eligible = n.get("eligible");
        JsonNode grade = n.get("grade");
        return new Outcome(item.seq(), item.input(), item.document(), item.inStream(), Outcome.VALID, 0, withBreak,
                n.path("scheme").asText(), n.path("edition").asText(),
                grade == null || grade.isNull() ? null : grade.asText(),
                eligible == null || eligible.isNull() ? null : eligible.asBoolean(),
                score == null || score.isNull() ? null : new BigDecimal(score.asText()), null);
    }

    /** How many inputs already had their line (0 for a fresh start; known after {@link #replay}). */
    public long resumedLines() {
        return resumedLines;
    }

    /** Where the lines go; closing it does not commit. */
    public OutputStream stream() {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    /** Every input has its line: to disk, renamed to the target, the state removed. */
    public void commit() throws IOException {
        out.flush();
        channel.force(true);
        channel.close();
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.deleteIfExists(state);
        committed = true;
    }

    /** Stops writing; an uncommitted partial file and its state stay for {@code --resume}. */
    public void close() throws IOException {
        if (committed) return;
        try {
            out.flush();
        } finally {
            channel.close();
        }
    }

    public Path partial() {
        return partial;
    }

    /** The digest of every input the arguments name, in batch order, by content (null when standard input is among them). */
    public static String inputsDigest(List<String> arguments, int maxBytes) {
        if (arguments.contains("-")) return null;
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Inputs inputs = new Inputs(arguments, maxBytes, () -> {
            throw new IllegalStateException("standard input");
        });
        while (inputs.hasNext()) {
            Inputs.Item i = inputs.next();
            String head = i.label() + '\0' + i.firstLine() + '\0' + i.readError() + '\0' + i.tooLarge() + '\0';
            sha.update(head.getBytes(StandardCharsets.UTF_8));
            if (i.bytes() != null) {
                sha.update(Long.toString(i.bytes().length).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(i.bytes());
            }
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }
}
