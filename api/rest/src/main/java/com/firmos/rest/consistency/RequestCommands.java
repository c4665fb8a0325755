package com.firmos.rest.consistency;

import static com.firmos.api.messages.MetadataKeys.CLIENT_IP;
import static com.firmos.api.messages.MetadataKeys.CORRELATION_ID;
import static com.firmos.api.messages.MetadataKeys.ORGANIZATION_ID;
import static com.firmos.api.messages.MetadataKeys.USER_AGENT;
import static com.firmos.api.messages.MetadataKeys.USER_ID;
import static com.firmos.api.messages.MetadataKeys.USER_NAME;
import static com.firmos.api.messages.MetadataKeys.USER_ROLE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.LoadsOtherAggregates;
import com.firmos.platform.consistency.ProjectionCatchUp;
import com.firmos.rest.idempotency.RequestSteps;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Sends a command on behalf of the caller and returns once the projections have seen its events, so that the
 * caller's next read shows its write. The metadata it attaches is what the timeline and audit log record.
 */
@Component
public class RequestCommands {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    /** Request attribute naming the aggregate a command of this request has stored events for. */
    public static final String STORED_AGGREGATE = RequestCommands.class.getName() + ".storedAggregate";
    private static final int MAX_HEADER_LENGTH = 200;
    private static final CommandTargetResolver TARGETS = AnnotationCommandTargetResolver.builder().build();

    private final CommandGateway commandGateway;
    private final ProjectionCatchUp catchUp;
    private final CommandAdmission admission;
    private final AggregateTurns turns;
    private final RequestSteps steps;

    RequestCommands(CommandGateway commandGateway, ProjectionCatchUp catchUp, CommandAdmission admission,
            AggregateTurns turns, RequestSteps steps) {
        this.commandGateway = commandGateway;
        this.catchUp = catchUp;
        this.admission = admission;
        this.turns = turns;
        this.steps = steps;
    }

    /**
     * Sends the command and waits until every projection has applied the latest event of the aggregate it targets:
     * the one its {@code @TargetAggregateIdentifier} names, resolved as Axon resolves it to load the aggregate.
     * Only the command waits for admission, as one of the caller's organization, and before it for its turn on the
     * aggregates it loads ({@link AggregateTurns}); neither wait, nor the one for the projections, holds a permit or
     * a connection. In a retry of a keyed request, a command its earlier attempt stored is not
     * sent again ({@link RequestSteps}): then it returns false, and what the first attempt drew (a token) is lost.
     */
    public boolean send(Object command, CurrentUser user, HttpServletRequest request) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(metadata(user, request));
        String aggregateId = TARGETS.resolveTarget(message).getIdentifier();
        // A read that records something (a portal opening an invoice) waits from here on as a command.
        ReadAdmission.handOver(request);
        Optional<RequestSteps.Step> step = steps.next(request, aggregateId, command);
        boolean sending = step.isEmpty() || !steps.stored(step.get());
        if (sending) {
            CommandMessage<?> sent = step.isEmpty() ? message : message.andMetaData(steps.metadata(step.get()));
            try (AggregateTurns.Held held = turns.take(loaded(command, aggregateId, user.organizationId()))) {
                admission.run(user.organizationId(), () -> commandGateway.sendAndWait(sent));
            }
        }
        request.setAttribute(STORED_AGGREGATE, aggregateId);
        catchUp.awaitAggregate(aggregateId);
        return sending;
    }

    /**
     * The turns a command queues for, one per aggregate it loads, each of the caller's organization: another tenant
     * naming this tenant's ids (which may be client-chosen) queues beside it, never in front of it.
     */
    private static List<String> loaded(Object command, String aggregateId, String organizationId) {
        List<String> loaded = new ArrayList<>(List.of(aggregateId));
        if (command instanceof LoadsOtherAggregates others) {
            loaded.addAll(others.otherAggregates());
        }
        return loaded.stream().map(id -> organizationId + "/" + id).toList();
    }

    /** The id of an entity the request creates without the client naming it: the same in a keyed retry. */
    public UUID newId(HttpServletRequest request) {
        return steps.newId(request);
    }

    /**
     * The id the client chose under {@code field} for an entity the request creates, or {@link #newId} when it
     * chose none. A name-based id (version 3 or 5) is refused: the server derives ids of that kind from names an
     * outsider may know (a tenant and a person for an erasure, a tenant, user and tool for a document), and the
     * store's aggregate ids are one namespace, so another tenant could take such an id first and block the entity.
     */
    public UUID idFor(UUID chosen, String field, HttpServletRequest request) {
        if (chosen == null) {
            return newId(request);
        }
        return chosen(chosen, field);
    }

    /** {@code chosen} as {@link #idFor} accepts it, refused with 400 naming {@code field} if it is name-based. */
    public static UUID chosen(UUID chosen, String field) {
        if (chosen != null && (chosen.version() == 3 || chosen.version() == 5)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-value", field, field + " must be a random or"
                    + " time-based UUID (such as version 4 or 7), not a name-based one (version 3 or 5)");
        }
        return chosen;
    }

    public static Map<String, Object> metadata(CurrentUser user, HttpServletRequest request) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(ORGANIZATION_ID, user.organizationId());
        metadata.put(USER_ID, user.userId());
        putIfPresent(metadata, USER_NAME, user.name());
        // The command side checks a consultant's writes against the client's assignments by this role.
        metadata.put(USER_ROLE, user.actor().role());
        metadata.put(CORRELATION_ID, correlationId(request));
        putIfPresent(metadata, CLIENT_IP, request.getRemoteAddr());
        putIfPresent(metadata, USER_AGENT, truncate(request.getHeader("User-Agent")));
        return metadata;
    }

    private static String correlationId(HttpServletRequest request) {
        String given = truncate(request.getHeader(CORRELATION_HEADER));
        return given == null || given.isBlank() ? UUID.randomUUID().toString() : given;
    }

    private static String truncate(String value) {
        return value == null || value.length() <= MAX_HEADER_LENGTH ? value : value.substring(0, MAX_HEADER_LENGTH);
    }

    private static void putIfPresent(Map<String, Object> metadata, String key, String value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }
}
