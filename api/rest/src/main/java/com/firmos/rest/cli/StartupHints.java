package com.firmos.rest.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.firmos.rest.security.JwtProperties;

/** Tells a person who just started the server how to get a token and where the API documentation is. */
@Component
class StartupHints {

    private static final Logger LOG = LoggerFactory.getLogger(StartupHints.class);

    private final JwtProperties jwt;
    private final Environment environment;

    StartupHints(JwtProperties jwt, Environment environment) {
        this.jwt = jwt;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String port = environment.getProperty("local.server.port", "8080");
        LOG.info("API: http://localhost:{}/api/v1  OpenAPI: http://localhost:{}/swagger-ui.html", port, port);
        if (!jwt.usesProvider()) {
            LOG.info("Mint a local bearer token with: ./mvnw -q -pl api/rest validate spring-boot:run "
                    + "-Dspring-boot.run.arguments=\"token --sub user_ada --name Ada --org org_demo --role admin\""
                    + "  (or: java -jar api/rest/target/firmos.jar token --sub ... --org ... --role ...)");
        }
    }
}
