package com.firmos.rest.idempotency;

/** The first answer to an idempotent request, replayed to its retries. */
record StoredAnswer(int status, String contentType, String location, String etag, byte[] body) {
}
