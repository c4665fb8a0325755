package com.firmos.rest.history;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionTimedOutException;

import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

/**
 * Reads of the past replay the tenant's history on every request (docs/BENCHMARKS.md, "Reads of the past"), so
 * they are bounded: only admins ask, a few run at once per tenant and a few in all, and each within a time limit.
 * A read over a limit is refused at once rather than queued, so waiting replays hold no request and no connection.
 */
@Component
@EnableConfigurationProperties(HistoryProperties.class)
public class HistoryReads {

    static final Duration RETRY_AFTER = Duration.ofSeconds(2);
    /** PostgreSQL's query_canceled, which a statement timeout raises. */
    private static final String CANCELED = "57014";

    private final QueryGateway queries;
    private final HistoryProperties properties;
    private final Semaphore all;
    private final ConcurrentMap<String, Semaphore> tenants = new ConcurrentHashMap<>();

    HistoryReads(QueryGateway queries, HistoryProperties properties) {
        this.queries = queries;
        this.properties = properties;
        this.all = new Semaphore(properties.concurrent());
    }

    /** The view as it stands ({@code now}), or as it stood at {@code asOf} ({@code then}), within the limits. */
    public <T> T view(CurrentUser user, Instant asOf, Object now, Function<Instant, Object> then, Class<T> type) {
        Instant moment = AsOf.past(asOf);
        if (moment == null) {
            return queries.query(now, ResponseTypes.instanceOf(type)).join();
        }
        return replay(user, "asOf", () -> queries.query(then.apply(moment), ResponseTypes.instanceOf(type)).join());
    }

    /** Runs {@code replay} for the caller, or refuses: 403 unless an admin, 429 or 503 over a limit or its time. */
    public <T> T replay(CurrentUser user, String field, Supplier<T> replay) {
        user.requireAdmin(field, "only admins read the past: each such read replays the tenant's history");
        Semaphore tenant = tenants.computeIfAbsent(user.organizationId(),
                organization -> new Semaphore(properties.concurrentPerTenant()));
        if (!tenant.tryAcquire()) {
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-history-reads", field,
                    "your organization already runs " + properties.concurrentPerTenant() + " reads of the past at"
                            + " once; retry when one has finished", RETRY_AFTER);
        }
        try {
            if (!all.tryAcquire()) {
                throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "history-busy", field,
                        "the server runs as many reads of the past as it takes at once; retry shortly", RETRY_AFTER);
            }
            try {
                return replay.get();
            } catch (RuntimeException failure) {
                if (timedOut(failure)) {
                    throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "history-timeout", field,
                            "rebuilding the past took longer than this server allows; ask for a narrower view"
                                    + " or try again later", RETRY_AFTER);
                }
                throw failure;
            } finally {
                all.release();
            }
        } finally {
            tenant.release();
        }
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransactionTimedOutException || cause instanceof QueryTimeoutException
                    || cause instanceof SQLException sql && CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
