package org.igclab.analyzer.design;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A design's canonical JSON (every field explicit, as the writers produce it) and its SHA-256: two files that
 * describe the same design get the same hash, whatever their layout or defaults.
 *
 * @param canonicalJson the canonical JSON
 * @param hash          SHA-256 of it, hex
 */
public record DesignIdentity(String canonicalJson, String hash) {

    /** The identity of the design: an imported model's node names are left out, so they do not make it another design. */
    public static DesignIdentity of(Design design) {
        String json = DesignFiles.write(design instanceof Design.NetworkDesign n ? new Design.NetworkDesign(n.network().unlabelled()) : design);
        return new DesignIdentity(json, sha256(json));
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
