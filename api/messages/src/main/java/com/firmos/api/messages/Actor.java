package com.firmos.api.messages;

/** Who sends a command, for rules that depend on it: only admins, or only consultants assigned to the client. */
public record Actor(String userId, String role) {
}
