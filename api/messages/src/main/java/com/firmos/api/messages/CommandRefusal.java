package com.firmos.api.messages;

/**
 * The details of a refused command, carried as the details of Axon's {@code CommandExecutionException} so
 * they survive a distributed command bus.
 *
 * @param code   the kind of refusal
 * @param field  the offending field, or {@code null} when the refusal is about the whole command
 * @param detail a sentence naming the rule that was broken
 */
public record CommandRefusal(RefusalCode code, String field, String detail) {

    /** What an id gets that names nothing of the caller's tenant, whether it names nothing or another's. */
    public static final String NO_SUCH_ENTITY = "no such entity in your organization";
}
