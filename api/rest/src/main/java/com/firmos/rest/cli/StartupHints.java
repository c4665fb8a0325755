package com.firmos.rest.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.firmos.rest.demo.Demo;
import com.firmos.rest.security.DevelopmentSecrets;
import com.firmos.rest.security.JwtProperties;
import com.nimbusds.jose.JOSEException;

/**
 * Ends the start with one line: where the API and its documentation are and, for a local demo, where a ready admin
 * token of the demo tenant is. The token goes to a file only its owner reads, never into the log.
 */
@Component
class StartupHints {

    private static final Logger LOG = LoggerFactory.getLogger(StartupHints.class);

    private final JwtProperties jwt;
    private final Environment environment;
    private final ApplicationArguments arguments;

    StartupHints(JwtProperties jwt, Environment environment, ApplicationArguments arguments) {
        this.jwt = jwt;
        this.environment = environment;
        this.arguments = arguments;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        if (environment.getProperty("firmos.exit-when-ready", Boolean.class, false)) {
            // A training run for the JVM's AOT cache (README, "Faster starts"): a whole start, then a clean stop.
            LOG.info("Started in {} ms; stopping, as firmos.exit-when-ready asks", event.getTimeTaken().toMillis());
            Thread.ofPlatform().name("exit-when-ready").start(() -> System.exit(
                    SpringApplication.exit(event.getApplicationContext())));
            return;
        }
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        String started = event.getTimeTaken() == null ? "" : String.format(Locale.ROOT, " in %.1f s",
                event.getTimeTaken().toMillis() / 1000.0);
        String where = "firmos is ready" + started + ": API " + base + "/api/v1, documentation " + base
                + "/swagger-ui.html";
        Path tokenFile = Demo.requested(arguments, environment) && !jwt.usesProvider()
                && DevelopmentSecrets.devMode(environment) ? writeDemoToken() : null;
        if (tokenFile != null) {
            LOG.info("{}; demo tenant {}, its admin's bearer token is in {}", where, Demo.ORGANIZATION, tokenFile);
        } else if (!jwt.usesProvider()) {
            LOG.info("{}; mint a token with: java -jar api/rest/target/firmos.jar token --sub user_ada --name Ada"
                    + " --org org_demo --role admin", where);
        } else {
            LOG.info("{}; bearer tokens come from the configured issuer", where);
        }
    }

    @EventListener(ContextClosedEvent.class)
    void stopping() {
        LOG.info("firmos is stopping: requests in flight first, then the event processors, then the database");
    }

    /** A fresh token each start (tokens expire), written whole or not at all, readable by its owner only. */
    private Path writeDemoToken() {
        Path file = Path.of(environment.getProperty("firmos.demo.token-file", "./data/demo-admin.token"))
                .toAbsolutePath().normalize();
        try {
            String token = TokenCommand.mint(jwt, Map.of("sub", "user_demo_admin", "name", "Demo Admin",
                    "org", Demo.ORGANIZATION, "role", "admin"));
            Files.createDirectories(file.getParent());
            Path draft = Files.createTempFile(file.getParent(), ".demo-token", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(draft, token + "\n");
            Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException | JOSEException | UnsupportedOperationException e) {
            LOG.warn("Could not write the demo admin's token to {}: {}", file, e.getMessage());
            return null;
        }
    }
}
