package com.firmos.rest.cli;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.support.SpringApplicationJsonEnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;

import com.firmos.rest.security.CurrentUser;
import com.firmos.rest.security.DevelopmentSecrets;
import com.firmos.rest.security.JwtProperties;
import com.firmos.rest.security.LocalSecret;
import com.firmos.rest.security.Role;
import com.firmos.rest.security.TokenLifetime;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * {@code token --sub user_ada --name "Ada Lovelace" --org org_demo --role admin}: prints a bearer token signed
 * with the configured local secret. It reads the same configuration files and environment as the server, but binds
 * only the token settings, without an application context: a token in about a second, not two. There is
 * deliberately no HTTP endpoint that mints tokens. Tokens live {@code local-token-lifetime}, never longer than the
 * cap the server enforces.
 */
public final class TokenCommand {

    public static final String NAME = "token";

    private TokenCommand() {
    }

    public static int run(String[] args) {
        Map<String, String> options = parse(args);
        boolean operator = options != null && "operator".equalsIgnoreCase(options.get("role"));
        if (options == null || !options.keySet().containsAll(operator ? List.of("sub", "role")
                : List.of("sub", "org", "role"))) {
            System.err.println("usage: token --sub USER_ID --org ORG_ID --role admin|consultant|viewer|client"
                    + " [--name DISPLAY_NAME], or token --sub USER_ID --role operator");
            return 2;
        }
        if (Role.fromClaim(options.get("role")).isEmpty()) {
            System.err.println("unknown role " + options.get("role") + "; use admin, consultant, viewer, client or"
                    + " operator");
            return 2;
        }
        StandardEnvironment environment = new StandardEnvironment();
        // As the server reads its settings: SPRING_APPLICATION_JSON first, then the configuration files.
        new SpringApplicationJsonEnvironmentPostProcessor().postProcessEnvironment(environment,
                new SpringApplication());
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        // Relaxed names, as the server reads them: FIRMOS_DEV_MODE is firmos.dev-mode.
        ConfigurationPropertySources.attach(environment);
        JwtProperties properties = Binder.get(environment).bindOrCreate(JwtProperties.PREFIX, JwtProperties.class);
        if (JwtProperties.DEVELOPMENT_SECRET.equals(properties.secret())
                && !DevelopmentSecrets.devMode(environment)) {
            System.err.println("the development secret signs tokens only in development mode: set"
                    + " FIRMOS_SECURITY_JWT_SECRET to the server's secret, or FIRMOS_DEV_MODE=true");
            return 1;
        }
        try {
            System.out.println(mint(properties, options));
            return 0;
        } catch (JOSEException | IllegalStateException e) {
            System.err.println("could not mint a token: " + e.getMessage());
            return 1;
        }
    }

    public static String mint(JwtProperties properties, Map<String, String> options) throws JOSEException {
        if (properties.usesProvider()) {
            throw new IllegalStateException("this server trusts an external issuer; get tokens from it");
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(properties.localIssuer())
                .subject(options.get("sub"))
                .claim(CurrentUser.NAME_CLAIM, options.getOrDefault("name", options.get("sub")))
                .claim(CurrentUser.ORGANIZATION_CLAIM, options.get("org"))
                .claim(CurrentUser.ROLE_CLAIM, options.get("role").toLowerCase(Locale.ROOT))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TokenLifetime.minted(properties.localTokenLifetime(),
                        properties.maxTokenLifetime(), "firmos.security.jwt.local-token-lifetime"))))
                .audience(properties.audience() == null || properties.audience().isBlank() ? null
                        : List.of(properties.audience()))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(LocalSecret.bytes(properties)));
        return jwt.serialize();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                return null;
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
