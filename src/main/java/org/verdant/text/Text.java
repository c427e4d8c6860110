package org.verdant.text;

/** A name in Chinese and English. */
public record Text(String zh, String en) {
    public String in(String lang) {
        return "en".equals(lang) && en != null ? en : zh;
    }
}
