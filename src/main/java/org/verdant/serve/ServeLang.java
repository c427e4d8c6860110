package org.verdant.serve;

import io.javalin.http.Context;

import java.util.Locale;

/**
 * The language of the service's own words in an answer: the {@code lang} query parameter when it
 * is zh or en, else the first of zh and en that {@code Accept-Language} prefers, else Chinese.
 */
final class ServeLang {
    private ServeLang() {
    }

    static String of(Context ctx) {
        String lang = ctx.queryParam("lang");
        if ("zh".equals(lang) || "en".equals(lang)) return lang;
        return fromAcceptLanguage(ctx.header("Accept-Language"));
    }

    /** "en" when English is preferred to Chinese (by q-value, then by order), else "zh". */
    static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) return "zh";
        double zh = -1;
        double en = -1;
        int order = 0;
        int zhAt = Integer.MAX_VALUE;
        int enAt = Integer.MAX_VALUE;
        for (String part : header.split(",")) {
            String[] p = part.strip().split(";");
            String tag = p[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < p.length; i++) {
                String param = p[i].strip();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0; // a malformed weight counts as not wanted
                    }
                }
            }
            String primary = tag.split("-")[0];
            if (primary.equals("zh") && q > zh) {
                zh = q;
                zhAt = order;
            } else if (primary.equals("en") && q > en) {
                en = q;
                enAt = order;
            }
            order++;
        }
        if (en <= 0) return "zh";
        if (en > zh) return "en";
        return en == zh && enAt < zhAt ? "en" : "zh";
    }
}
