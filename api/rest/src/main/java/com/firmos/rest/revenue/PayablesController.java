package com.firmos.rest.revenue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.revenue.ApproveBillCommand;
import com.firmos.api.messages.revenue.BillStatus;
import com.firmos.api.messages.revenue.BillView;
import com.firmos.api.messages.revenue.CancelBillCommand;
import com.firmos.api.messages.revenue.EraseVendorContactCommand;
import com.firmos.api.messages.revenue.FindBillQuery;
import com.firmos.api.messages.revenue.FindPayablesQuery;
import com.firmos.api.messages.revenue.FindVendorQuery;
import com.firmos.api.messages.revenue.FindVendorsQuery;
import com.firmos.api.messages.revenue.PayBillCommand;
import com.firmos.api.messages.revenue.Payables;
import com.firmos.api.messages.revenue.RecordBillCommand;
import com.firmos.api.messages.revenue.RegisterVendorCommand;
import com.firmos.api.messages.revenue.RejectBillCommand;
import com.firmos.api.messages.revenue.VendorList;
import com.firmos.api.messages.revenue.VendorView;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.idempotency.IdempotentCreate;
import com.firmos.rest.privacy.PersonalData;
import com.firmos.rest.privacy.PersonalFields;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Vendors and their bills: record, approve or reject, pay, cancel; the payables view. A vendor's contact email and
 * phone are personal data, sealed under the vendor's id on the way in and unsealed for staff on the way out.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Payables")
class PayablesController {

    private final RequestCommands commands;
    private final QueryGateway queries;
    private final PersonalData personalData;

    PayablesController(RequestCommands commands, QueryGateway queries, PersonalData personalData) {
        this.commands = commands;
        this.queries = queries;
        this.personalData = personalData;
    }

    record VendorRequest(UUID id, String name, String email, String phone) {
    }

    record BillRequest(UUID id, UUID vendorId, UUID engagementId, String reference, BigDecimal amount,
            LocalDate dueDate, String description) {
    }

    record ReasonRequest(String reason) {
    }

    @Schema(name = "BillPaymentRequest")
    record PaymentRequest(LocalDate paidOn) {
    }

    @IdempotentCreate
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/vendors")
    @Operation(summary = "Register a vendor")
    ResponseEntity<VendorView> register(@RequestBody VendorRequest body, CurrentUser user,
            HttpServletRequest request) {
        UUID id = commands.idFor(body.id(), "id", request);
        String email = PersonalFields.email("email", body.email());
        String phone = PersonalFields.phone("phone", body.phone());
        String org = user.organizationId();
        if (personalData.claim(org, id, PersonalData.PersonKind.VENDOR, null) == PersonalData.Claim.OTHER_KIND) {
            throw PersonalData.otherPerson("id");
        }
        commands.send(new RegisterVendorCommand(id, org, body.name(), personalData.seal(org, id, email),
                personalData.seal(org, id, phone)), user, request);
        return ResponseEntity.created(URI.create("/api/v1/vendors/" + id)).body(vendor(user, id));
    }

    @GetMapping("/vendors/{id}")
    @Operation(summary = "One vendor")
    VendorView getVendor(@PathVariable UUID id, CurrentUser user) {
        return vendor(user, id);
    }

    @PostMapping("/vendors/{id}/erasure")
    @Operation(summary = "Erase a vendor's contact (admins): its email and phone unreadable in every event and table;"
            + " the vendor, its bills and the erasure itself stay")
    VendorView eraseContact(@PathVariable UUID id, CurrentUser user, HttpServletRequest request) {
        user.requireAdmin(null, "only admins erase people");
        commands.send(new EraseVendorContactCommand(id, user.organizationId(), user.actor()), user, request);
        personalData.erase(user.organizationId(), id);
        return vendor(user, id);
    }

    @GetMapping("/vendors")
    @Operation(summary = "The tenant's vendors")
    VendorList vendors(CurrentUser user) {
        return queries.query(new FindVendorsQuery(user.organizationId()),
                ResponseTypes.instanceOf(VendorList.class)).join();
    }

    @IdempotentCreate
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/bills")
    @Operation(summary = "Record a vendor's bill, pending approval; the engagement link is optional")
    ResponseEntity<BillView> record(@RequestBody BillRequest body, CurrentUser user, HttpServletRequest request) {
        UUID id = commands.idFor(body.id(), "id", request);
        commands.send(new RecordBillCommand(id, user.organizationId(), body.vendorId(), body.engagementId(),
                body.reference(), body.amount(), body.dueDate(), body.description()), user, request);
        return ResponseEntity.created(URI.create("/api/v1/bills/" + id)).body(bill(user, id));
    }

    @PostMapping("/bills/{id}/approval")
    @Operation(summary = "Approve a pending bill; admins only")
    BillView approve(@PathVariable UUID id, CurrentUser user, HttpServletRequest request) {
        user.requireAdmin(null, "only admins approve, reject or pay bills");
        commands.send(new ApproveBillCommand(id, user.organizationId()), user, request);
        return bill(user, id);
    }

    @PostMapping("/bills/{id}/rejection")
    @Operation(summary = "Reject a pending bill, with a reason; admins only")
    BillView reject(@PathVariable UUID id, @RequestBody ReasonRequest body, CurrentUser user,
            HttpServletRequest request) {
        user.requireAdmin(null, "only admins approve, reject or pay bills");
        commands.send(new RejectBillCommand(id, user.organizationId(), body.reason()), user, request);
        return bill(user, id);
    }

    @PostMapping("/bills/{id}/payment")
    @Operation(summary = "Record that an approved bill was paid (today unless a date is given); admins only")
    BillView pay(@PathVariable UUID id, @RequestBody(required = false) PaymentRequest body, CurrentUser user,
            HttpServletRequest request) {
        user.requireAdmin(null, "only admins approve, reject or pay bills");
        LocalDate paidOn = body == null || body.paidOn() == null ? LocalDate.now() : body.paidOn();
        commands.send(new PayBillCommand(id, user.organizationId(), paidOn), user, request);
        return bill(user, id);
    }

    @PostMapping("/bills/{id}/cancellation")
    @Operation(summary = "Cancel a bill that is not paid, with a reason")
    BillView cancel(@PathVariable UUID id, @RequestBody ReasonRequest body, CurrentUser user,
            HttpServletRequest request) {
        commands.send(new CancelBillCommand(id, user.organizationId(), body.reason()), user, request);
        return bill(user, id);
    }

    @GetMapping("/bills/{id}")
    @Operation(summary = "A vendor bill with its approvals and payments")
    BillView get(@PathVariable UUID id, CurrentUser user) {
        return bill(user, id);
    }

    @GetMapping("/bills")
    @Operation(summary = "Payables: bills by status and due period, soonest due first, with the amount outstanding")
    Payables payables(@RequestParam(name = "status", required = false) Set<BillStatus> statuses,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
            CurrentUser user) {
        return queries.query(new FindPayablesQuery(user.organizationId(), statuses == null ? Set.of() : statuses,
                dueFrom, dueTo), ResponseTypes.instanceOf(Payables.class)).join();
    }


    private VendorView vendor(CurrentUser user, UUID id) {
        return queries.query(new FindVendorQuery(user.organizationId(), id),
                        ResponseTypes.optionalInstanceOf(VendorView.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("vendor"));
    }

    private BillView bill(CurrentUser user, UUID id) {
        return queries.query(new FindBillQuery(user.organizationId(), id),
                        ResponseTypes.optionalInstanceOf(BillView.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("bill"));
    }
}
