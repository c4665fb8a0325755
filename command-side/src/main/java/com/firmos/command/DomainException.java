package com.firmos.command;

import com.firmos.api.messages.CommandRefusal;
import com.firmos.api.messages.RefusalCode;

/** A command refused by a domain rule; the refusal travels to the caller as a {@link CommandRefusal}. */
public class DomainException extends RuntimeException {

    private final transient CommandRefusal refusal;

    public DomainException(RefusalCode code, String field, String detail) {
        super(detail);
        this.refusal = new CommandRefusal(code, field, detail);
    }

    public CommandRefusal refusal() {
        return refusal;
    }

    public static DomainException notFound(String entity) {
        return new DomainException(RefusalCode.NOT_FOUND, null, entity + " not found");
    }

    /**
     * Another tenant's id, refused in the words an unknown id gets (ProblemDetailsAdvice): a different answer would
     * tell the caller that the id exists elsewhere.
     */
    public static DomainException notInTenant() {
        return new DomainException(RefusalCode.NOT_FOUND, null, CommandRefusal.NO_SUCH_ENTITY);
    }

    public static DomainException invalid(String field, String rule) {
        return new DomainException(RefusalCode.INVALID_VALUE, field, rule);
    }
}
