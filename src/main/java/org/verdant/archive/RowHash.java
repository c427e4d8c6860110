package org.verdant.archive;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical encoding a row's hash is taken over, for the evaluation rows and every other
 * chained table alike: a header, then each column as its name, a NUL, and either 0 (null) or 1,
 * the value's length in 8 bytes and its bytes. Lengths make the encoding unambiguous.
 */
final class RowHash {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    RowHash(String header) {
        out.writeBytes((header + "\0").getBytes(StandardCharsets.UTF_8));
    }

    RowHash column(String name, byte[] value) {
        out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        if (value == null) {
            out.write(0);
            return this;
        }
        out.write(1);
        long n = value.length;
        for (int shift = 56; shift >= 0; shift -= 8) out.write((int) (n >>> shift) & 0xff);
        out.writeBytes(value);
        return this;
    }

    String digest() {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
