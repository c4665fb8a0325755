package com.firmos.rest.revenue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.crm.Client360;
import com.firmos.api.messages.crm.FindClient360Query;
import com.firmos.api.messages.crm.MeddpiccRole;
import com.firmos.api.messages.revenue.CancelInvoiceCommand;
import com.firmos.api.messages.revenue.DraftInvoiceCommand;
import com.firmos.api.messages.revenue.EditInvoiceDraftCommand;
import com.firmos.api.messages.revenue.FindInvoiceQuery;
import com.firmos.api.messages.revenue.FindInvoicesQuery;
import com.firmos.api.messages.revenue.FindReceivablesAgeingQuery;
import com.firmos.api.messages.revenue.FindRevenueQuery;
import com.firmos.api.messages.revenue.InvoiceDraft;
import com.firmos.api.messages.revenue.InvoiceList;
import com.firmos.api.messages.revenue.InvoiceStatus;
import com.firmos.api.messages.revenue.InvoiceView;
import com.firmos.api.messages.revenue.IssueInvoiceCommand;
import com.firmos.api.messages.revenue.LineItem;
import com.firmos.api.messages.revenue.ReceivablesAgeing;
import com.firmos.api.messages.revenue.RecordPaymentCommand;
import com.firmos.api.messages.revenue.Revenue;
import com.firmos.rest.consistency.IfMatch;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.consistency.Versions;
import com.firmos.rest.idempotency.IdempotentCreate;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Invoices and payments, receivables ageing and revenue. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Revenue")
class InvoiceController {

    private final RequestCommands commands;
    private final QueryGateway queries;

    InvoiceController(RequestCommands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** Without a recipient, the client's economic buyer receives the invoice. Line amounts are computed. */
    @Schema(name = "InvoiceDraftRequest")
    record DraftRequest(UUID id, UUID clientId, UUID engagementId, List<UUID> projectIds, List<LineItem> lines,
            LocalDate dueDate, UUID recipientStakeholderId, String notes) {
    }

    @Schema(name = "InvoicePaymentRequest")
    record PaymentRequest(UUID id, BigDecimal amount, LocalDate paidOn, String method, String reference) {
    }

    record CancelRequest(String reason) {
    }

    @IdempotentCreate
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/invoices")
    @Operation(summary = "Draft an invoice; send your own id to make retries safe")
    ResponseEntity<InvoiceView> draft(@RequestBody DraftRequest body, CurrentUser user, HttpServletRequest request) {
        UUID id = commands.idFor(body.id(), "id", request);
        commands.send(new DraftInvoiceCommand(id, user.organizationId(), draftOf(body, user)), user, request);
        InvoiceView view = invoice(user, id);
        return ResponseEntity.created(URI.create("/api/v1/invoices/" + id)).eTag(Versions.etag(view.version()))
                .body(view);
    }

    @PutMapping("/invoices/{id}")
    @Operation(summary = "Replace a draft's lines, due date, recipient and notes")
    InvoiceView edit(@PathVariable UUID id, @RequestBody DraftRequest body, @IfMatch Long expected, CurrentUser user,
            HttpServletRequest request) {
        commands.send(new EditInvoiceDraftCommand(id, user.organizationId(), expected, draftOf(body, user)), user,
                request);
        return invoice(user, id);
    }

    @PostMapping("/invoices/{id}/issue")
    @Operation(summary = "Send the draft: it takes the tenant's next number and its lines are frozen")
    InvoiceView issue(@PathVariable UUID id, @IfMatch Long expected, CurrentUser user, HttpServletRequest request) {
        commands.send(new IssueInvoiceCommand(id, user.organizationId(), expected), user, request);
        return invoice(user, id);
    }

    @IdempotentCreate
    @PostMapping("/invoices/{id}/payments")
    @Operation(summary = "Record a payment, partial or full; overpayment is refused")
    InvoiceView pay(@PathVariable UUID id, @RequestBody PaymentRequest body, CurrentUser user,
            HttpServletRequest request) {
        UUID payment = commands.idFor(body.id(), "id", request);
        commands.send(new RecordPaymentCommand(id, user.organizationId(), payment, body.amount(),
                body.paidOn() == null ? LocalDate.now() : body.paidOn(), body.method(), body.reference()), user,
                request);
        return invoice(user, id);
    }

    @PostMapping("/invoices/{id}/cancellation")
    @Operation(summary = "Cancel anything but a paid invoice, with a reason; its number is never reused")
    InvoiceView cancel(@PathVariable UUID id, @RequestBody CancelRequest body, CurrentUser user,
            HttpServletRequest request) {
        commands.send(new CancelInvoiceCommand(id, user.organizationId(), body.reason()), user, request);
        return invoice(user, id);
    }

    @GetMapping("/invoices/{id}")
    @Operation(summary = "An invoice with its lines and payments")
    InvoiceView get(@PathVariable UUID id, CurrentUser user) {
        return invoice(user, id);
    }

    @GetMapping("/invoices")
    @Operation(summary = "Invoices by status, client, engagement and due period")
    InvoiceList list(@RequestParam(name = "status", required = false) Set<InvoiceStatus> statuses,
            @RequestParam(required = false) UUID clientId, @RequestParam(required = false) UUID engagementId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
            CurrentUser user) {
        return queries.query(new FindInvoicesQuery(user.organizationId(), statuses == null ? Set.of() : statuses,
                clientId, engagementId, dueFrom, dueTo), ResponseTypes.instanceOf(InvoiceList.class)).join();
    }

    @GetMapping("/receivables/ageing")
    @Operation(summary = "Open balances per client: current, 1-30, 31-60, 61-90 and 90+ days overdue")
    ReceivablesAgeing ageing(CurrentUser user) {
        return queries.query(new FindReceivablesAgeingQuery(user.organizationId()),
                ResponseTypes.instanceOf(ReceivablesAgeing.class)).join();
    }

    @GetMapping("/revenue")
    @Operation(summary = "Issued and collected amounts by client and month")
    Revenue revenue(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            CurrentUser user) {
        return queries.query(new FindRevenueQuery(user.organizationId(), from, to),
                ResponseTypes.instanceOf(Revenue.class)).join();
    }

    private InvoiceDraft draftOf(DraftRequest body, CurrentUser user) {
        UUID recipient = body.recipientStakeholderId() != null ? body.recipientStakeholderId()
                : economicBuyerOf(user, body.clientId());
        return new InvoiceDraft(body.clientId(), body.engagementId(), body.projectIds(), body.lines(), body.dueDate(),
                recipient, body.notes());
    }

    private UUID economicBuyerOf(CurrentUser user, UUID clientId) {
        if (clientId == null) {
            return null;
        }
        return queries.query(new FindClient360Query(user.organizationId(), clientId),
                        ResponseTypes.optionalInstanceOf(Client360.class)).join()
                .flatMap(client -> client.stakeholders().stream()
                        .filter(stakeholder -> stakeholder.roles().contains(MeddpiccRole.ECONOMIC_BUYER))
                        .map(stakeholder -> stakeholder.id()).findFirst())
                .orElse(null);
    }

    private InvoiceView invoice(CurrentUser user, UUID id) {
        return queries.query(new FindInvoiceQuery(user.organizationId(), id),
                        ResponseTypes.optionalInstanceOf(InvoiceView.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("invoice"));
    }
}
