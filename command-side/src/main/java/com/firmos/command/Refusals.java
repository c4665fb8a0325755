package com.firmos.command;

import java.util.Collection;
import java.util.Locale;

import com.firmos.api.messages.RefusalCode;

/** Refusals of a lifecycle move, worded the same way for every aggregate. */
public final class Refusals {

    private Refusals() {
    }

    public static DomainException move(String entity, Enum<?> from, Enum<?> to,
            Collection<? extends Enum<?>> allowed) {
        return new DomainException(RefusalCode.INVALID_TRANSITION, "status", "a " + entity + " that is "
                + wire(from) + " cannot become " + wire(to) + "; allowed: " + allowed.stream().map(Refusals::wire)
                .toList());
    }

    public static DomainException state(String field, String detail) {
        return new DomainException(RefusalCode.INVALID_TRANSITION, field, detail);
    }

    public static String wire(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
