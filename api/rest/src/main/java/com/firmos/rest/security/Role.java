package com.firmos.rest.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles a token's {@code role} claim can name. {@code OPERATOR} runs the platform (rebuilds, shadow switches,
 * every tenant's processing status) and is no member of any tenant: it reads and writes no tenant's data.
 */
public enum Role {
    ADMIN,
    CONSULTANT,
    VIEWER,
    CLIENT,
    OPERATOR;

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
