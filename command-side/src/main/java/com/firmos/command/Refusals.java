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
        return move("status", entity, from, to, allowed);
    }

    /** The same, for a lifecycle whose request names its target otherwise (a deal's {@code stage}). */
    public static DomainException move(String field, String entity, Enum<?> from, Enum<?> to,
            Collection<? extends Enum<?>> allowed) {
        return new DomainException(RefusalCode.INVALID_TRANSITION, field, "a " + entity + " that is "
                + wire(from) + " cannot become " + wire(to) + "; allowed: " + allowed.stream().map(Refusals::wire)
                .toList());
    }

    public static DomainException state(String field, String detail) {
        return new DomainException(RefusalCode.INVALID_TRANSITION, field, detail);
    }

    /**
     * A create under an id that is taken, in the caller's tenant with other content or in another tenant: one
     * answer for both, so an id never tells whether another tenant uses it.
     */
    public static DomainException idTaken() {
        return new DomainException(RefusalCode.ALREADY_EXISTS, "id", "this id is taken; choose another id");
    }

    public static String wire(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
