package org.verdant.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The blank submission templates the web page offers, one per scheme and edition: bundled
 * resources ({@code org/verdant/web/templates/NAME.yaml}), each a valid submission with example
 * figures and comments saying what to replace. A request names a template from this fixed list;
 * no name from a request ever becomes a path.
 */
final class Templates {
    record Template(String name, String scheme, String edition) {
        String resource() {
            return "/org/verdant/web/templates/" + name + ".yaml";
        }

        String fileName() {
            return name + ".yaml";
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

    static byte[] bytes(Template t) {
        try (InputStream in = Templates.class.getResourceAsStream(t.resource())) {
            if (in == null) throw new IllegalStateException("missing resource " + t.resource());
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
