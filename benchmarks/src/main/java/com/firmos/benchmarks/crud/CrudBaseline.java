package com.firmos.benchmarks.crud;

import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Baseline (b) of the command path: the same change built as plain CRUD with Spring Boot, Spring MVC and Spring
 * Data JPA on the same PostgreSQL: one transaction that updates the row and inserts an audit row, answered with the
 * row. Its tables are created by the harness; Hibernate only validates them. Its dashboards ({@link DashboardRows})
 * are the baseline of the dashboards' harness.
 */
@SpringBootApplication
public class CrudBaseline {

    /** Starts the baseline server on a free port against the given database, its CRUD tables validated. */
    public static ConfigurableApplicationContext start(String jdbcUrl) {
        return start(jdbcUrl, "validate");
    }

    /**
     * Starts the baseline server with Hibernate's schema handling as given: {@code none} where only the dashboards
     * are read, from the product's own tables, and the CRUD tables were never made.
     */
    public static ConfigurableApplicationContext start(String jdbcUrl, String ddlAuto) {
        SpringApplication application = new SpringApplication(CrudBaseline.class);
        application.setDefaultProperties(Map.of(
                "server.port", "0",
                "spring.datasource.url", jdbcUrl,
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres",
                "spring.datasource.hikari.maximum-pool-size", "20",
                "spring.threads.virtual.enabled", "true",
                "spring.jpa.open-in-view", "false",
                "spring.jpa.hibernate.ddl-auto", ddlAuto,
                "logging.level.root", "WARN"));
        return application.run();
    }

    public record StateRequest(String state) {
    }

    @RestController
    static class CrudController {

        private final CrudService service;

        CrudController(CrudService service) {
            this.service = service;
        }

        @PostMapping("/crud/records/{id}")
        CrudRecord change(@PathVariable UUID id, @RequestBody StateRequest body) {
            return service.change(id, body.state());
        }
    }
}
