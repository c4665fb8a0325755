package com.firmos.api.messages.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

import com.firmos.api.messages.crm.Sealed;

/**
 * A portal access as staff see it: never its token or password, only whether one is set; the name sealed.
 * {@code linkFingerprint} names the current link without revealing it, so that sessions made from an older link
 * can be told apart after a rotation.
 */
public record PortalAccessView(
        UUID id,
        UUID engagementId,
        UUID clientId,
        Sealed contactName,
        boolean contactErased,
        Set<PortalSection> sections,
        Instant expiresAt,
        boolean singleUse,
        boolean passwordProtected,
        String status,
        String grantedBy,
        Instant grantedAt,
        Instant lastAccessAt,
        long version,
        String linkFingerprint) {

    /** A digest of the link's token hash: equal for sessions of the same link, telling nothing of the token. */
    public static String fingerprint(String tokenHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("portal-session\n" + tokenHash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
