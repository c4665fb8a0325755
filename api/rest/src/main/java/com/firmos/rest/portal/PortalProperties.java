package com.firmos.rest.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Portal sessions are short-lived HS256 tokens this server signs with its own key (never the workbench's) and
 * issuer, living at most {@code maxSessionLifetime}; failed link attempts are limited per token and per address
 * within a window.
 */
@ConfigurationProperties("firmos.portal")
public record PortalProperties(
        String sessionSecret,
        @DefaultValue("firmos-portal") String sessionIssuer,
        @DefaultValue("PT30M") Duration sessionLifetime,
        @DefaultValue("10") int failuresPerToken,
        @DefaultValue("50") int failuresPerAddress,
        @DefaultValue("PT15M") Duration failureWindow,
        @DefaultValue("PT1H") Duration maxSessionLifetime) {

    /** The key shipped in application.yml: it signs only in development mode ({@code firmos.dev-mode}). */
    public static final String DEVELOPMENT_SECRET = "portal-development-secret-not-for-production-0123456789";
}
