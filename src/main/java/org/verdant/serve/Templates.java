package org.verdant.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The submission templates the web page offers, one per scheme and edition, in two kinds: the
 * blank template ({@code org/verdant/web/blank/NAME.yaml}: the fields with guidance in comments,
 * no figures) and the example ({@code org/verdant/web/templates/NAME.yaml}: a valid submission
 * with example figures and comments saying what to replace). A request names a template from this
 * fixed list; no name from a request ever becomes a path.
 */
final class Templates {
    record Template(String name, String scheme, String edition) {
        String resource() {
            return "/org/verdant/web/templates/" + name + ".yaml";
        }

        String fileName() {
            return name + ".yaml";
        }

        String blankResource() {
            return "/org/verdant/web/blank/" + name + ".yaml";
        }

        String blankFileName() {
            return name + ".blank.yaml";
        }
    }

    private static final List<Template> ALL = List.of(
            new Template("green-factory-2018", "green-factory", "GB/T 36132-2018"),
            new Template("green-factory-2025", "green-factory", "GB/T 36132-2025"),
            new Template("green-park", "green-park", "MIIT-2016-586-park"),
            new Template("zero-carbon-park", "zero-carbon-park", "NDRC-2025-910"),
            new Template("green-supply-chain", "green-supply-chain", "MIIT-2016-586-gsc"));

    private Templates() {
    }

    static List<Template> all() {
        return ALL;
    }

    static Optional<Template> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The example: a valid submission with example figures. */
    static byte[] bytes(Template t) {
        return read(t.resource());
    }

    /** The blank template: fields and guidance, no figures. */
    static byte[] blankBytes(Template t) {
        return read(t.blankResource());
    }

    /**
     * The template workbooks already built, by template (so scheme and edition), table and
     * language: {@code GET /api/templates/NAME.xlsx} is anonymous and building a workbook takes the
     * rulebook's tables through Apache POI, so each is built once per server and kept. Bounded
     * ({@code capacity} workbooks, the least recently asked for forgotten first), so made-up table
     * names cannot fill the memory; a build that fails (an unknown table) is not kept.
     */
    static final class WorkbookCache {
        interface Build {
            byte[] run() throws Exception;
        }

        private final int capacity;
        private final java.util.LinkedHashMap<String, byte[]> kept;
        private long builds;

        WorkbookCache(int capacity) {
            this.capacity = capacity;
            this.kept = new java.util.LinkedHashMap<>(16, 0.75f, true);
        }

        byte[] get(Template t, String table, String lang, Build build) throws Exception {
            String key = t.name() + "\u0000" + (table == null ? "" : table) + "\u0000" + lang;
            synchronized (this) {
                byte[] hit = kept.get(key);
                if (hit != null) return hit;
            }
            // built outside the lock: two first requests may both build, and get the same bytes
            byte[] bytes = build.run();
            synchronized (this) {
                builds++;
                kept.put(key, bytes);
                java.util.Iterator<String> oldest = kept.keySet().iterator();
                while (kept.size() > capacity && oldest.hasNext()) {
                    oldest.next();
                    oldest.remove();
                }
            }
            return bytes;
        }

        synchronized long builds() {
            return builds;
        }

        synchronized int size() {
            return kept.size();
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = Templates.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
