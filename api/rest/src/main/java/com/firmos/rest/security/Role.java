package com.firmos.rest.security;

import java.util.Locale;
import java.util.Optional;

/** The roles a token's {@code role} claim can name. */
public enum Role {
    ADMIN,
    CONSULTANT,
    VIEWER,
    CLIENT;

    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> fromClaim(String claim) {
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(claim.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
