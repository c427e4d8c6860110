package org.verdant.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;

/**
 * The web page's words, from the same {@code messages_zh/en.properties} as the rest of Verdant:
 * the page's own labels ({@code web.*}) and the names of statuses and criterion types the
 * verdict uses ({@code status.*}, {@code type.*}).
 */
final class WebMessages {
    private static final String[] PREFIXES = {"web.", "status.", "type."};

    private WebMessages() {
    }

    static String json(String lang) {
        Locale locale = "en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        ResourceBundle bundle = ResourceBundle.getBundle("org.verdant.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        ObjectNode root = ApiJson.NODES.objectNode();
        root.put("lang", lang);
        ObjectNode messages = root.putObject("messages");
        for (String key : new TreeSet<>(bundle.keySet())) {
            for (String p : PREFIXES) {
                if (key.startsWith(p)) {
                    messages.put(key, bundle.getString(key));
                    break;
                }
            }
        }
        return ApiJson.write(root);
    }
}
