package com.firmos.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

/** Which failures are the database's absence, when the probe after them finds it answering again. */
class DatabaseOutageExplainsTest {

    /** A database that is back: the probe's connection is valid. */
    private final DatabaseOutage outage = new DatabaseOutage((DataSource) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, arguments) ->
                    method.getName().equals("getConnection") ? answering() : null));

    @Test
    void aConnectionThePoolClosedInTheOutageIsAnOutageEvenWhenTheDatabaseIsBack() {
        // As CI saw it: Hibernate's wrapping of Hikari's closed proxy, once the database answered again.
        GenericJDBCException failure = new GenericJDBCException("Could not prepare statement [Connection is closed]",
                new SQLException("Connection is closed"));

        assertThat(outage.explains(failure)).isTrue();
    }

    @Test
    void anotherFailureOfAStatementIsNotAnOutageWhileTheDatabaseAnswers() {
        GenericJDBCException failure = new GenericJDBCException("Could not prepare statement",
                new SQLException("syntax error at or near \"FORM\"", "42601"));

        assertThat(outage.explains(failure)).isFalse();
    }

    private static Connection answering() {
        return (Connection) Proxy.newProxyInstance(DatabaseOutageExplainsTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "isValid" -> true;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
