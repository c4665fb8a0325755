package com.firmos.api.messages.fasttrack;

/** What a permission allows on a tool, each level including the ones before it. */
public enum ToolAccessLevel {
    VIEW,
    EDIT,
    ADMIN
}
