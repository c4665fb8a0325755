package com.firmos.rest.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Which starts are quiet: development mode's, and never at the cost of a level someone set. */
class QuietDevelopmentLogsTest {

    private static final String FLYWAY = "logging.level.org.flywaydb.core";
    private static final String CLAIMS = "logging.level.org.axonframework.eventhandling.pooled";

    @Test
    void aDevelopmentStartLogsMigrationsAndClaimsFromWarnUp() {
        StandardEnvironment environment = environment(Map.of("firmos.dev-mode", "true"));

        assertThat(environment.getProperty(FLYWAY)).isEqualTo("warn");
        assertThat(environment.getProperty(CLAIMS)).isEqualTo("warn");
    }

    @Test
    void aDeploymentKeepsItsMigrationAndStartUpNotes() {
        assertThat(environment(Map.of("firmos.dev-mode", "false")).getProperty(FLYWAY)).isNull();
        assertThat(environment(Map.of()).getProperty(CLAIMS)).isNull();
    }

    @Test
    void aLevelSetElsewhereWinsOverTheQuietOne() {
        StandardEnvironment environment = environment(Map.of("firmos.dev-mode", "true", FLYWAY, "info"));

        assertThat(environment.getProperty(FLYWAY)).isEqualTo("info");
        assertThat(environment.getProperty(CLAIMS)).isEqualTo("warn");
    }

    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("settings", settings));
        new QuietDevelopmentLogs().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
