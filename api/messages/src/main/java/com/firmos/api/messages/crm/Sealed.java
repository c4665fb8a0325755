package com.firmos.api.messages.crm;

/** Personal data encrypted with the key of one person (subjectId); erasing that key erases the data everywhere. */
public record Sealed(
        String subjectId,
        String ciphertext) {
}
