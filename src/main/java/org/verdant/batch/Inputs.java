package org.verdant.batch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The submissions named on a batch command line, one {@link Item} at a time, in a fixed order:
 * arguments in the order given; a directory's files depth first, each directory's entries sorted
 * by name, only {@code *.yaml}, {@code *.yml} and {@code *.json}, and not a fixture's sidecar beside
 * its submission ({@link FixtureSidecars}: expectations, snapshots, assessments; counted in
 * {@link #skippedSidecars()}; a file named as an argument is always read); a file that holds several YAML
 * documents yields one item per document. Nothing is read before it is asked for, and at most one
 * document of a stream is in memory here.
 */
public final class Inputs implements Iterator<Inputs.Item> {
    /** Name of standard input when {@code -} is given. */
    public static final String STDIN = "stdin";

    /**
     * One submission to evaluate, or why it could not be read. {@code document} is 1-based (1 for
     * a file that holds one document); {@code firstLine} is the line of its file it starts on.
     * {@code position} is how many bytes of all the inputs are behind this one (for progress).
     */
    public record Item(long seq, String input, int document, boolean inStream, int firstLine, byte[] bytes,
                       String readError, String tooLarge, long position) {
        public String label() {
            return inStream ? input + "#" + document : input;
        }
    }

    private final Deque<Object> pending = new ArrayDeque<>(); // Path, String "-", or Iterator<Item>
    private final int maxBytes;
    private final Supplier<InputStream> stdin;
    private Item next;
    private long seq;
    private long position;
    private boolean stdinUsed;
    private long skippedSidecars;

    public Inputs(List<String> arguments, int maxBytes, Supplier<InputStream> stdin) {
        this.maxBytes = maxBytes;
        this.stdin = stdin;
        for (String a : arguments) pending.add(a.equals("-") ? "-" : Path.of(a));
    }

    /** Total bytes of the named files (directories walked), or -1 when standard input is among them. */
    public static long totalBytes(List<String> arguments) {
        long total = 0;
        for (String a : arguments) {
            if (a.equals("-")) return -1;
            Path p = Path.of(a);
            try {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    try (var walk = Files.walk(p)) {
                        total += walk.filter(f -> Files.isRegularFile(f) && wanted(f) && !FixtureSidecars.is(f)).mapToLong(f -> {
                            try {
                                return Files.size(f);
                            } catch (IOException e) {
                                return 0;
                            }
                        }).sum();
                    }
                } else if (Files.isRegularFile(p)) {
                    total += Files.size(p);
                }
            } catch (IOException | RuntimeException e) {
                // counted as nothing; the item itself reports the problem
            }
        }
        return total;
    }

    static boolean wanted(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    /** How many fixture sidecars the directories walked so far held and were not read as submissions. */
    public long skippedSidecars() {
        return skippedSidecars;
    }

    @Override
    public boolean hasNext() {
        if (next == null) next = advance();
        return next != null;
    }

    @Override
    public Item next() {
        if (!hasNext()) throw new NoSuchElementException();
        Item i = next;
        next = null;
        return i;
    }

    private Item advance() {
        while (!pending.isEmpty()) {
            Object head = pending.peekFirst();
            if (head instanceof Iterator<?> documents) {
                if (documents.hasNext()) return (Item) documents.next();
                pending.removeFirst();
                continue;
            }
            pending.removeFirst();
            if (head instanceof String) {
                if (stdinUsed) return error(STDIN, "standard input ('-') can be read only once");
                stdinUsed = true;
                pending.addFirst(stream(STDIN, stdin.get()));
                continue;
            }
            Path p = (Path) head;
            if (Files.isDirectory(p)) {
                List<Path> entries = new ArrayList<>();
                try (DirectoryStream<Path> dir = Files.newDirectoryStream(p)) {
                    for (Path e : dir) {
                        if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
                            entries.add(e);
                        } else if (Files.isRegularFile(e) && wanted(e)) {
                            if (FixtureSidecars.is(e)) skippedSidecars++;
                            else entries.add(e);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    return error(p.toString(), "cannot list the directory: " + e.getMessage());
                }
                entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
                for (int i = entries.size() - 1; i >= 0; i--) pending.addFirst(entries.get(i));
                continue;
            }
            return file(p);
        }
        return null;
    }

    private Item file(Path p) {
        String name = p.toString();
        if (!Files.exists(p)) return error(name, "no such file or directory");
        if (!Files.isRegularFile(p)) return error(name, "not a file");
        try {
            long size = Files.size(p);
            if (size <= maxBytes + 1L) {
                byte[] bytes = Files.readAllBytes(p);
                List<DocumentSplitter.Document> docs = new ArrayList<>();
                DocumentSplitter splitter = new DocumentSplitter(new ByteArrayInputStream(bytes), maxBytes);
                for (DocumentSplitter.Document d; (d = splitter.next()) != null; ) {
                    docs.add(d);
                    if (docs.size() > 1) break;
                }
                if (docs.size() <= 1) {
                    // One submission (or none, which the evaluator reports): the file exactly as 'evaluate' reads it.
                    long at = position;
                    position += bytes.length;
                    return new Item(seq++, name, 1, false, 1, bytes, null, null, at + bytes.length);
                }
                pending.addFirst(stream(name, new ByteArrayInputStream(bytes)));
            } else {
                pending.addFirst(stream(name, Files.newInputStream(p)));
            }
            return advance();
        } catch (IOException | RuntimeException e) {
            return error(name, "cannot read: " + e.getMessage());
        }
    }

    /** The documents of one stream; the stream is closed at its end. */
    private Iterator<Item> stream(String name, InputStream in) {
        DocumentSplitter splitter = new DocumentSplitter(in, maxBytes);
        long base = position;
        return new Iterator<>() {
            int index;
            Item ahead;
            boolean done;

            @Override
            public boolean hasNext() {
                if (ahead == null && !done) ahead = read();
                return ahead != null;
            }

            @Override
            public Item next() {
                if (!hasNext()) throw new NoSuchElementException();
                Item i = ahead;
                ahead = null;
                return i;
            }

            private Item read() {
                try {
                    DocumentSplitter.Document d = splitter.next();
                    if (d == null) {
                        close();
                        return null;
                    }
                    index++;
                    position = base + d.endOffset();
                    String tooLarge = d.truncated() ? "document is " + (d.size() > maxBytes ? "more than " + maxBytes : d.size())
                            + " bytes; the limit is " + maxBytes : null;
                    return new Item(seq++, name, index, true, d.firstLine(), d.truncated() ? null : d.bytes(), null, tooLarge, position);
                } catch (IOException | RuntimeException e) {
                    close();
                    index++;
                    return new Item(seq++, name, index, true, 0, null, "cannot read: " + e.getMessage(), null, position);
                }
            }

            private void close() {
                done = true;
                try {
                    in.close();
                } catch (IOException ignored) {
                    // reading is over either way
                }
            }
        };
    }

    private Item error(String name, String message) {
        return new Item(seq++, name, 1, false, 0, null, message, null, position);
    }
}
