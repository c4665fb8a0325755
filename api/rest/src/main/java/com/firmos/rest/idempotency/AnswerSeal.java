package com.firmos.rest.idempotency;

import java.util.Optional;

/**
 * Seals the answers kept for retries, which can hold people in clear (a created stakeholder's email and phone), and
 * keys the requests' fingerprints, whose bodies can hold a password: a copy of the table shows neither. Keys are the
 * tenant's own, so an answer opens only for the tenant whose request made it.
 */
public interface AnswerSeal {

    /** The body sealed under the tenant's answer key, bound to {@code context} (the row it is stored in). */
    byte[] seal(String organizationId, byte[] context, byte[] body);

    /** The body, or nothing when it was not sealed under this tenant's key for this context. */
    Optional<byte[]> open(String organizationId, byte[] context, byte[] sealed);

    /** A digest of the request that tells nothing about it without the server's key. */
    byte[] fingerprint(String organizationId, byte[] request);
}
