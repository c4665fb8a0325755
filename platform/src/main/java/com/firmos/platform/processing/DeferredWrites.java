package com.firmos.platform.processing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A connection for a bulk batch's handlers whose plain writes wait and go to the database together: consecutive
 * executions of one statement become one JDBC batch (one round trip for up to {@link #MAX_BATCH}), and anything
 * else the handlers do on the connection (a query, a write of another statement) first sends what waits, so they
 * read their own writes and the writes keep their order. A deferred write reports
 * {@link Statement#SUCCESS_NO_INFO} rows: a handler that needs the count asks with {@code RETURNING}, which runs
 * as a query. A {@link SetWrite}'s consecutive rows wait the same way and go as one set-based statement.
 */
final class DeferredWrites {

    private static final int MAX_BATCH = 500;
    static final String SET_WRITE_FAILED = "a set write failed, of ";
    /** Bounds one set statement's arrays; a bulk batch of 1,000 events sends its run of one write in one. */
    private static final int MAX_SET_ROWS = 1_000;
    /** Connection methods that run statements or end them: what waits goes first. */
    private static final List<String> ORDERED = List.of("create", "prepare", "commit", "rollback", "setSavepoint",
            "releaseSavepoint", "setAutoCommit", "nativeSQL");
    /** Statement methods that only describe it: they need no write sent first. */
    private static final Set<String> DESCRIBING = Set.of("getParameterMetaData", "getMetaData");
    private static final Set<String> RECORDED = Set.of("setFetchSize", "setQueryTimeout", "setMaxRows",
            "setEscapeProcessing", "setPoolable");

    private final Connection connection;
    private final Connection proxy;
    private String pendingSql;
    private PreparedStatement pending;
    private int pendingRows;
    private SetWrite pendingSet;
    private final List<String[]> setRows = new ArrayList<>();

    DeferredWrites(Connection connection) {
        this.connection = connection;
        this.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, this::onConnection);
    }

    /** The connection to hand to the handlers. */
    Connection connection() {
        return proxy;
    }

    /** Sends every write that waits; the batch's statements are closed. */
    void flush() throws SQLException {
        flushSet();
        if (pending == null) {
            return;
        }
        try {
            pending.executeBatch();
        } finally {
            pending.close();
            pending = null;
            pendingSql = null;
            pendingRows = 0;
        }
    }

    /** Holds a row of a set write; what waits of any other write goes first, so the writes keep their order. */
    void deferSet(SetWrite write, Map<String, ?> values) throws SQLException {
        String[] row = write.row(values);
        if (write != pendingSet) {
            flush();
            pendingSet = write;
        }
        setRows.add(row);
        if (setRows.size() >= MAX_SET_ROWS) {
            flushSet();
        }
    }

    private void flushSet() throws SQLException {
        if (pendingSet == null) {
            return;
        }
        SetWrite write = pendingSet;
        pendingSet = null;
        if (setRows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(write.setSql())) {
            for (int column = 0; column < write.columns().size(); column++) {
                String[] values = new String[setRows.size()];
                for (int row = 0; row < values.length; row++) {
                    values[row] = setRows.get(row)[column];
                }
                statement.setArray(column + 1, connection.createArrayOf("text", values));
            }
            statement.executeUpdate();
        } catch (SQLException failed) {
            // Named here: the statement that sent it may be another write's or a read's.
            throw new SQLException(SET_WRITE_FAILED + setRows.size() + " rows: " + write.setSql(),
                    failed.getSQLState(), failed);
        } finally {
            setRows.clear();
        }
    }

    private Object onConnection(Object self, Method method, Object[] args) throws Throwable {
        if (isIdentity(method)) {
            return identity(self, method, args);
        }
        if (method.getName().equals("prepareStatement") && args != null && args.length == 1) {
            return deferredStatement((String) args[0]);
        }
        if (method.getName().equals("close")) {
            // The transaction owns the connection: the handlers only let go of it.
            return null;
        }
        if (ORDERED.stream().anyMatch(method.getName()::startsWith)) {
            flush();
        }
        return invoke(connection, method, args);
    }

    private PreparedStatement deferredStatement(String sql) {
        List<Call> calls = new ArrayList<>();
        PreparedStatement[] real = new PreparedStatement[1];
        InvocationHandler handler = (self, method, args) -> {
            String name = method.getName();
            if (isIdentity(method)) {
                return identity(self, method, args);
            }
            if (name.equals("executeUpdate") && (args == null || args.length == 0)) {
                defer(sql, calls);
                return Statement.SUCCESS_NO_INFO;
            }
            if (name.equals("close")) {
                if (real[0] != null) {
                    real[0].close();
                }
                return null;
            }
            if (name.equals("clearParameters")) {
                calls.clear();
                return null;
            }
            if (name.equals("getConnection")) {
                return proxy;
            }
            boolean setter = name.startsWith("set") && args != null
                    && (args.length >= 2 && args[0] instanceof Integer || RECORDED.contains(name));
            if (setter) {
                calls.add(new Call(method, args));
                return null;
            }
            if (name.startsWith("set")) {
                throw new SQLException("a deferred statement cannot " + name);
            }
            // A query or any other use runs for real, after what waits.
            if (!DESCRIBING.contains(name)) {
                flush();
            }
            if (real[0] == null) {
                real[0] = connection.prepareStatement(sql);
            }
            for (Call call : calls) {
                invoke(real[0], call.method, call.args);
            }
            return invoke(real[0], method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private void defer(String sql, List<Call> calls) throws Throwable {
        flushSet();
        if (!sql.equals(pendingSql)) {
            flush();
            pending = connection.prepareStatement(sql);
            pendingSql = sql;
        }
        for (Call call : calls) {
            invoke(pending, call.method, call.args);
        }
        pending.addBatch();
        if (++pendingRows >= MAX_BATCH) {
            pending.executeBatch();
            pendingRows = 0;
        }
    }

    private static boolean isIdentity(Method method) {
        return method.getDeclaringClass() == Object.class;
    }

    /** A proxy is equal only to itself, whatever the connection or statement behind it says. */
    private static Object identity(Object self, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> self == args[0];
            case "hashCode" -> System.identityHashCode(self);
            default -> "deferred " + System.identityHashCode(self);
        };
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException thrown) {
            throw thrown.getCause();
        }
    }

    private record Call(Method method, Object[] args) {
    }
}
