package com.firmos.rest.revenue;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.revenue.CreateInvoiceScheduleCommand;
import com.firmos.api.messages.revenue.EndInvoiceScheduleCommand;
import com.firmos.api.messages.revenue.FindInvoiceSchedulesQuery;
import com.firmos.api.messages.revenue.InvoiceCadence;
import com.firmos.api.messages.revenue.InvoiceScheduleList;
import com.firmos.api.messages.revenue.InvoiceScheduleTerms;
import com.firmos.api.messages.revenue.InvoiceScheduleView;
import com.firmos.api.messages.revenue.LineItem;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.idempotency.IdempotentCreate;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Recurring invoices: each drafts an invoice on its day of every month or quarter. */
@RestController
@RequestMapping("/api/v1/invoice-schedules")
@Tag(name = "Revenue")
class InvoiceScheduleController {

    private static final int DEFAULT_DUE_IN_DAYS = 30;

    private final RequestCommands commands;
    private final QueryGateway queries;

    InvoiceScheduleController(RequestCommands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** Drafts are due {@code dueInDays} (30 unless given) after their drafting date. */
    record ScheduleRequest(UUID id, UUID clientId, UUID engagementId, List<LineItem> lines, InvoiceCadence cadence,
            Integer dayOfMonth, LocalDate startOn, LocalDate endOn, Integer dueInDays, UUID recipientStakeholderId,
            String notes) {
    }

    @IdempotentCreate
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @Operation(summary = "Start a recurring invoice; a start in the past drafts the periods since then, once each")
    ResponseEntity<InvoiceScheduleView> create(@RequestBody ScheduleRequest body, CurrentUser user,
            HttpServletRequest request) {
        UUID id = commands.idFor(body.id(), "id", request);
        InvoiceScheduleTerms terms = new InvoiceScheduleTerms(body.clientId(), body.engagementId(), body.lines(),
                body.cadence(), body.dayOfMonth() == null ? 0 : body.dayOfMonth(), body.startOn(), body.endOn(),
                body.dueInDays() == null ? DEFAULT_DUE_IN_DAYS : body.dueInDays(), body.recipientStakeholderId(),
                body.notes());
        commands.send(new CreateInvoiceScheduleCommand(id, user.organizationId(), terms), user, request);
        return ResponseEntity.created(URI.create("/api/v1/invoice-schedules/" + id)).body(schedule(user, id));
    }

    @GetMapping
    @Operation(summary = "The tenant's recurring invoice schedules")
    InvoiceScheduleList list(CurrentUser user) {
        return queries.query(new FindInvoiceSchedulesQuery(user.organizationId()),
                ResponseTypes.instanceOf(InvoiceScheduleList.class)).join();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A recurring invoice schedule")
    InvoiceScheduleView get(@PathVariable UUID id, CurrentUser user) {
        return schedule(user, id);
    }

    @PostMapping("/{id}/end")
    @Operation(summary = "Stop the schedule: it drafts nothing more")
    InvoiceScheduleView end(@PathVariable UUID id, CurrentUser user, HttpServletRequest request) {
        commands.send(new EndInvoiceScheduleCommand(id, user.organizationId()), user, request);
        return schedule(user, id);
    }

    private InvoiceScheduleView schedule(CurrentUser user, UUID id) {
        return list(user).schedules().stream().filter(schedule -> schedule.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("invoice schedule"));
    }
}
