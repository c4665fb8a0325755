package com.firmos.rest.logging;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.support.ResourcePropertySource;

import com.firmos.rest.security.DevelopmentSecrets;

/**
 * In development mode a start prints one screen: the notes every start repeats (migrations, claimed segments,
 * Tomcat's, Spring's) log from WARN up. A deployment keeps them for its operators. The levels sit below every
 * other source, so {@code LOGGING_LEVEL_ORG_FLYWAYDB_CORE=info} still brings one back.
 */
public class QuietDevelopmentLogs implements EnvironmentPostProcessor, Ordered {

    static final String LEVELS = "classpath:firmos/quiet-logging.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!DevelopmentSecrets.devMode(environment)) {
            return;
        }
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("firmosQuietDevelopmentLogs", LEVELS));
        } catch (IOException e) {
            throw new UncheckedIOException("the development log levels could not be read", e);
        }
    }

    /** After the configuration files: development mode may be switched on in one. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
