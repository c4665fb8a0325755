package com.firmos.api.messages;

import java.util.UUID;

/**
 * An event that names the client it concerns; the CRM read model handles one client's events in order by it.
 * Where all of an aggregate's events name it, its sealed event interface extends this one.
 */
public interface ClientScoped {

    UUID clientId();
}
