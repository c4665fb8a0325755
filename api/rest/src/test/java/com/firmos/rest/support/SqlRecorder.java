package com.firmos.rest.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Records the prepared statements the application executes, with their parameters, while a test asks it to, so a
 * test can EXPLAIN exactly what an endpoint ran. Off, it only passes calls through (and trips an armed
 * {@link PoolFault}).
 */
public final class SqlRecorder {

    /** One executed statement: its SQL and its parameters by position. */
    public record Statement(String sql, Map<Integer, Object> parameters) {
    }

    /** A parameter set to SQL NULL of a type. */
    public record Null(int sqlType) {
    }

    private static final AtomicBoolean RECORDING = new AtomicBoolean();
    private static final ConcurrentLinkedQueue<Statement> RECORDED = new ConcurrentLinkedQueue<>();

    private SqlRecorder() {
    }

    /** Runs the action and answers the statements executed meanwhile, by any thread. */
    public static List<Statement> during(Runnable action) {
        RECORDED.clear();
        RECORDING.set(true);
        try {
            action.run();
        } finally {
            RECORDING.set(false);
        }
        return List.copyOf(RECORDED);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        static BeanPostProcessor sqlRecordingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && !(bean instanceof Recording)
                            ? new Recording(dataSource) : bean;
                }
            };
        }
    }

    private static final class Recording extends DelegatingDataSource {

        Recording(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            return wrap(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws java.sql.SQLException {
            return wrap(super.getConnection(username, password));
        }

        private static Connection wrap(Connection connection) {
            return (Connection) Proxy.newProxyInstance(SqlRecorder.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement")) {
                            PoolFault.trip((String) args[0]);
                        }
                        Object result = invoke(connection, method, args);
                        if (result instanceof PreparedStatement statement
                                && method.getName().equals("prepareStatement")) {
                            return statement(statement, (String) args[0]);
                        }
                        return result;
                    });
        }

        private static PreparedStatement statement(PreparedStatement statement, String sql) {
            Map<Integer, Object> parameters = new TreeMap<>();
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().startsWith("set") && args != null && args.length >= 2
                        && args[0] instanceof Integer index) {
                    parameters.put(index, method.getName().equals("setNull") ? new Null((Integer) args[1]) : args[1]);
                }
                if (RECORDING.get() && method.getName().startsWith("execute") && (args == null || args.length == 0)) {
                    RECORDED.add(new Statement(sql, new TreeMap<>(parameters)));
                }
                return invoke(statement, method, args);
            };
            return (PreparedStatement) Proxy.newProxyInstance(SqlRecorder.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, handler);
        }

        private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
