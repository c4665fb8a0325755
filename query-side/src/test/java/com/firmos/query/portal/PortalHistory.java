package com.firmos.query.portal;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

import com.firmos.api.messages.portal.PortalAccessGrantedEvent;
import com.firmos.api.messages.portal.PortalAccessRevokedEvent;
import com.firmos.api.messages.portal.PortalContactErasedEvent;
import com.firmos.api.messages.portal.PortalLinkExchangedEvent;
import com.firmos.api.messages.portal.PortalLinkRotatedEvent;
import com.firmos.api.messages.portal.PortalSection;
import com.firmos.query.History;

/**
 * Client portal links: granted with some or all sections, with and without expiry, password or single use;
 * exchanged, rotated (a used single-use link opens again), revoked, and erased with their contact.
 */
public final class PortalHistory {

    private PortalHistory() {
    }

    public static void write(History h) {
        UUID client = h.id();
        for (int i = 0; i < 6; i++) {
            UUID access = h.id();
            UUID engagement = h.id();
            Set<PortalSection> sections = i == 0 ? EnumSet.allOf(PortalSection.class)
                    : EnumSet.of(h.pick(PortalSection.class), PortalSection.PLAYBOOK);
            boolean singleUse = i % 2 == 1;
            h.append("PortalAccess", access, new PortalAccessGrantedEvent(access, h.tenant(), engagement, client,
                    h.sealed(access), sections, h.chance(60) ? h.now().plus(Duration.ofDays(h.between(1, 90))) : null,
                    singleUse, hash(h), h.chance(40) ? "$argon2id$v=19$m=65536,t=3,p=4$" + hash(h) : null));
            h.append("PortalAccess", access, new PortalLinkExchangedEvent(access, h.tenant(), engagement, h.now()));
            if (singleUse || i == 2) {
                h.append("PortalAccess", access, new PortalLinkRotatedEvent(access, h.tenant(), engagement, hash(h)));
                h.append("PortalAccess", access, new PortalLinkExchangedEvent(access, h.tenant(), engagement,
                        h.now()));
            }
            if (i >= 3) {
                h.append("PortalAccess", access, new PortalAccessRevokedEvent(access, h.tenant(), engagement));
            }
            if (i == 4 || i == 5) {
                h.append("PortalAccess", access, new PortalContactErasedEvent(access, h.tenant(), engagement));
            }
        }
    }

    private static String hash(History h) {
        byte[] digest = new byte[32];
        h.random().nextBytes(digest);
        return HexFormat.of().formatHex(digest);
    }
}
