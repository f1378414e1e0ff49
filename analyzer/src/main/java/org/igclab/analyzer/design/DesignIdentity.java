package org.igclab.analyzer.design;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.igclab.analyzer.network.NetworkJson;
import org.igclab.rules.io.ChainJson;

/**
 * A design's canonical JSON (every field explicit, as the writers produce it) and its SHA-256: two files that
 * describe the same design get the same hash, whatever their layout or defaults.
 *
 * @param canonicalJson the canonical JSON
 * @param hash          SHA-256 of it, hex
 */
public record DesignIdentity(String canonicalJson, String hash) {

    public static DesignIdentity of(Design design) {
        String json = design.accept(new Design.Visitor<>() {
            @Override
            public String chain(Design.ChainDesign c) {
                return ChainJson.write(c.document());
            }

            @Override
            public String network(Design.NetworkDesign n) {
                return NetworkJson.write(n.network());
            }
        });
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
