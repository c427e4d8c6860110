package org.verdant.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web page's files, bundled in the jar under {@code org/verdant/web/} and read once: the page
 * loads nothing from the network. Only the names listed here are served.
 */
final class WebAssets {
    record Asset(String contentType, byte[] bytes) {
    }

    private static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("index.html", "text/html; charset=utf-8");
        TYPES.put("app.js", "text/javascript; charset=utf-8");
        TYPES.put("form.js", "text/javascript; charset=utf-8");
        TYPES.put("yaml.js", "text/javascript; charset=utf-8");
        TYPES.put("app.css", "text/css; charset=utf-8");
        TYPES.put("favicon.svg", "image/svg+xml");
        TYPES.put("regulator.html", "text/html; charset=utf-8");
        TYPES.put("regulator.js", "text/javascript; charset=utf-8");
        TYPES.put("login.html", "text/html; charset=utf-8");
        TYPES.put("login.js", "text/javascript; charset=utf-8");
        TYPES.put("session.js", "text/javascript; charset=utf-8");
        TYPES.put("evaluator.html", "text/html; charset=utf-8");
        TYPES.put("evaluator.js", "text/javascript; charset=utf-8");
        TYPES.put("evaluator.css", "text/css; charset=utf-8");
        TYPES.put("words.js", "text/javascript; charset=utf-8");
    }

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    WebAssets() {
        for (Map.Entry<String, String> e : TYPES.entrySet()) {
            String resource = "/org/verdant/web/" + e.getKey();
            try (InputStream in = WebAssets.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("missing resource " + resource);
                assets.put(e.getKey(), new Asset(e.getValue(), in.readAllBytes()));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /** Whether {@code name} is one of the page's own files (they hold no company's data, so anyone may load them). */
    static boolean isPageFile(String name) {
        return TYPES.containsKey(name);
    }

    /** The names served, each at /NAME. */
    static java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(TYPES.keySet());
    }

    Asset get(String name) {
        return assets.get(name);
    }
}
