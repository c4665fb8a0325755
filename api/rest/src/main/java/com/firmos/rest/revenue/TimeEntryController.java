package com.firmos.rest.revenue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.revenue.BillTimeEntriesCommand;
import com.firmos.api.messages.revenue.CorrectTimeEntryCommand;
import com.firmos.api.messages.revenue.DeleteTimeEntryCommand;
import com.firmos.api.messages.revenue.FindInvoiceQuery;
import com.firmos.api.messages.revenue.FindTimeEntryQuery;
import com.firmos.api.messages.revenue.FindUnbilledHoursQuery;
import com.firmos.api.messages.revenue.InvoiceView;
import com.firmos.api.messages.revenue.LogTimeEntryCommand;
import com.firmos.api.messages.revenue.TimeEntryDetails;
import com.firmos.api.messages.revenue.TimeEntryView;
import com.firmos.api.messages.revenue.UnbilledHours;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.idempotency.IdempotentCreate;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Time entries, unbilled hours and billing them on a draft invoice. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Revenue")
class TimeEntryController {

    private final RequestCommands commands;
    private final QueryGateway queries;

    TimeEntryController(RequestCommands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** Without a user the hours are the caller's; only admins log hours for someone else. */
    record TimeEntryRequest(UUID id, String userId, UUID projectId, UUID taskId, BigDecimal hours,
            LocalDate workedOn, Boolean billable, String note) {
    }

    record BillingRequest(List<UUID> timeEntryIds, BigDecimal hourlyRate) {
    }

    @IdempotentCreate
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/engagements/{engagementId}/time-entries")
    @Operation(summary = "Log hours on a project of the engagement; billable unless said otherwise")
    ResponseEntity<TimeEntryView> log(@PathVariable UUID engagementId, @RequestBody TimeEntryRequest body,
            CurrentUser user, HttpServletRequest request) {
        UUID id = commands.idFor(body.id(), "id", request);
        commands.send(new LogTimeEntryCommand(id, user.organizationId(), engagementId, detailsOf(body, user)), user,
                request);
        return ResponseEntity.created(URI.create("/api/v1/time-entries/" + id)).body(entry(user, id));
    }

    @PutMapping("/time-entries/{id}")
    @Operation(summary = "Correct an entry that is not billed yet")
    TimeEntryView correct(@PathVariable UUID id, @RequestBody TimeEntryRequest body, CurrentUser user,
            HttpServletRequest request) {
        commands.send(new CorrectTimeEntryCommand(id, user.organizationId(), detailsOf(body, user)), user, request);
        return entry(user, id);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/time-entries/{id}")
    @Operation(summary = "Delete an entry that is not billed yet")
    ResponseEntity<Void> delete(@PathVariable UUID id, CurrentUser user, HttpServletRequest request) {
        commands.send(new DeleteTimeEntryCommand(id, user.organizationId()), user, request);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/time-entries/{id}")
    @Operation(summary = "A time entry")
    TimeEntryView get(@PathVariable UUID id, CurrentUser user) {
        return entry(user, id);
    }

    @GetMapping("/engagements/{engagementId}/unbilled-hours")
    @Operation(summary = "Billable hours of the engagement not on any invoice yet")
    UnbilledHours unbilled(@PathVariable UUID engagementId, CurrentUser user) {
        return queries.query(new FindUnbilledHoursQuery(user.organizationId(), engagementId),
                ResponseTypes.instanceOf(UnbilledHours.class)).join();
    }

    @PostMapping("/invoices/{invoiceId}/time-entries")
    @Operation(summary = "Bill time entries on a draft: one line per entry at the given hourly rate")
    InvoiceView bill(@PathVariable UUID invoiceId, @RequestBody BillingRequest body, CurrentUser user,
            HttpServletRequest request) {
        commands.send(new BillTimeEntriesCommand(invoiceId, user.organizationId(), body.timeEntryIds(),
                body.hourlyRate()), user, request);
        return queries.query(new FindInvoiceQuery(user.organizationId(), invoiceId),
                        ResponseTypes.optionalInstanceOf(InvoiceView.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("invoice"));
    }

    private static TimeEntryDetails detailsOf(TimeEntryRequest body, CurrentUser user) {
        String userId = body.userId() == null ? user.userId() : body.userId();
        if (!userId.equals(user.userId())) {
            user.requireAdmin("userId", "only admins log hours for others");
        }
        return new TimeEntryDetails(userId, body.projectId(), body.taskId(), body.hours(), body.workedOn(),
                body.billable() == null || body.billable(), body.note());
    }

    private TimeEntryView entry(CurrentUser user, UUID id) {
        return queries.query(new FindTimeEntryQuery(user.organizationId(), id),
                        ResponseTypes.optionalInstanceOf(TimeEntryView.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("time entry"));
    }
}
