package com.firmos.rest.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

class EmbeddedPostgresConfigurationTest {

    @TempDir
    Path directory;

    @Test
    void dataSurvivesARestartOfTheEmbeddedServer() throws Exception {
        EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();
        EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(directory.resolve("pg"), 0);

        try (EmbeddedPostgres first = configuration.embeddedPostgres(properties);
                Connection connection = first.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
        }

        try (EmbeddedPostgres second = configuration.embeddedPostgres(properties);
                Connection connection = second.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT value FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        }
        assertThat(directory.resolve("pg/PG_VERSION")).exists();
    }
}
