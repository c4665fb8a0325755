package com.firmos.api.messages.fasttrack;

/** The 30 Fast Track tools in sprint order, with their schemas. */
public record FindToolCatalogQuery() {
}
