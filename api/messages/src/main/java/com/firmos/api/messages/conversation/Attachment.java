package com.firmos.api.messages.conversation;

/** A file attached to a message: its name, where it is, and its size in bytes. */
public record Attachment(
        String name,
        String url,
        long size) {
}
