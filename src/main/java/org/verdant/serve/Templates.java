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

    private static byte[] read(String resource) {
        try (InputStream in = Templates.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
