package com.firmos.api.messages;

/** Entities that own collections read under their id ({@code /engagements/{id}/timeline}, ...). */
public enum ParentKind {
    ENGAGEMENT,
    CONVERSATION
}
