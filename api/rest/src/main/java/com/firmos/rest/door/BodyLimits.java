package com.firmos.rest.door;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;

import com.firmos.rest.security.SecurityConfiguration;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The most a request body may hold, by the class of its route: a caller without a token (or on a route that needs
 * none, such as opening a portal session) gets little, an import of the old Workbench's tables much, any other
 * request a default. Known before the body is read, so that what no route would take is never held in memory.
 */
@ConfigurationProperties("firmos.http.max-body")
public record BodyLimits(
        @DefaultValue("16KB") DataSize unauthenticated,
        @Name("default") @DefaultValue("1MB") DataSize standard,
        @DefaultValue("32MB") DataSize imports) {

    /** The legacy import takes the export of a whole organization in one body. */
    static final String IMPORT_PATHS = "/api/v1/admin/migrations/";

    public long capFor(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null
                || SecurityConfiguration.PUBLIC_WRITES.contains(path)) {
            return unauthenticated.toBytes();
        }
        return path.startsWith(IMPORT_PATHS) ? imports.toBytes() : standard.toBytes();
    }
}
