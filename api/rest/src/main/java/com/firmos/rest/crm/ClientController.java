package com.firmos.rest.crm;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.crm.AddStakeholderCommand;
import com.firmos.api.messages.crm.AssignClientCommand;
import com.firmos.api.messages.crm.AssignmentRole;
import com.firmos.api.messages.crm.Client360;
import com.firmos.api.messages.crm.ClientHealth;
import com.firmos.api.messages.crm.ClientHealthList;
import com.firmos.api.messages.crm.ClientStatus;
import com.firmos.api.messages.crm.CorrectInteractionCommand;
import com.firmos.api.messages.crm.CreateClientCommand;
import com.firmos.api.messages.crm.DeleteInteractionCommand;
import com.firmos.api.messages.crm.EditClientProfileCommand;
import com.firmos.api.messages.crm.EditStakeholderCommand;
import com.firmos.api.messages.crm.EngagementLevel;
import com.firmos.api.messages.crm.EraseStakeholderCommand;
import com.firmos.api.messages.crm.FindClient360Query;
import com.firmos.api.messages.crm.FindClientHealthQuery;
import com.firmos.api.messages.crm.FindClientsByHealthAsOfQuery;
import com.firmos.api.messages.crm.FindClientsByHealthQuery;
import com.firmos.api.messages.crm.FindInteractionQuery;
import com.firmos.api.messages.crm.FindStakeholderQuery;
import com.firmos.api.messages.crm.InteractionDetails;
import com.firmos.api.messages.crm.InteractionType;
import com.firmos.api.messages.crm.InteractionView;
import com.firmos.api.messages.crm.LogInteractionCommand;
import com.firmos.api.messages.crm.MeddpiccField;
import com.firmos.api.messages.crm.MeddpiccRole;
import com.firmos.api.messages.crm.RemoveStakeholderCommand;
import com.firmos.api.messages.crm.Sentiment;
import com.firmos.api.messages.crm.SetMeddpiccFieldCommand;
import com.firmos.api.messages.crm.StakeholderDetails;
import com.firmos.api.messages.crm.StakeholderView;
import com.firmos.api.messages.crm.UnassignClientCommand;
import com.firmos.rest.consistency.IfMatch;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.history.AsOf;
import com.firmos.rest.history.HistoryReads;
import com.firmos.rest.idempotency.IdempotentCreate;
import com.firmos.rest.privacy.PersonalData;
import com.firmos.rest.privacy.PersonalFields;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Clients: profile, MEDDPICC, assignments, stakeholders (personal data sealed on the way in, unsealed for staff
 * on the way out), interactions, health and the 360 view. Consultants change only clients assigned to them.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "CRM")
class ClientController {

    private static final int NAME_MAX = 200;

    private final RequestCommands commands;
    private final QueryGateway queries;
    private final PersonalData personalData;
    private final HistoryReads history;

    ClientController(RequestCommands commands, QueryGateway queries, PersonalData personalData,
            HistoryReads history) {
        this.commands = commands;
        this.queries = queries;
        this.history = history;
        this.personalData = personalData;
    }

    record ClientRequest(UUID id, String name, ClientStatus status, BigDecimal budget, LocalDate deadline) {
    }

    record MeddpiccRequest(String value) {
    }

    record AssignmentRequest(AssignmentRole role) {
    }

    record StakeholderRequest(UUID id, String name, String title, Set<MeddpiccRole> roles,
            EngagementLevel engagementLevel, String email, String phone, String notes) {
    }

    record InteractionRequest(UUID id, InteractionType type, String subject, String description, Instant occurredAt,
            Integer durationMinutes, Set<UUID> stakeholderIds, UUID dealId, UUID projectId, Sentiment sentiment) {

        InteractionDetails details() {
            return new InteractionDetails(type, subject, description, occurredAt, durationMinutes, stakeholderIds,
                    dealId, projectId, sentiment);
        }
    }

    @IdempotentCreate
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/clients")
    @Operation(summary = "Create a client; send your own id to make retries safe")
    ResponseEntity<Client360> create(@RequestBody ClientRequest body, CurrentUser user,
            HttpServletRequest request) {
        UUID id = commands.idFor(body.id(), "id", request);
        commands.send(new CreateClientCommand(id, user.organizationId(), user.actor(), body.name(), body.status(),
                body.budget(), body.deadline()), user, request);
        return ResponseEntity.created(URI.create("/api/v1/clients/" + id)).body(view(user, id));
    }

    @GetMapping("/clients")
    @Operation(summary = "The tenant's clients by health score, lowest (most in need of attention) first")
    ClientHealthList list(@RequestParam(required = false) @Parameter(description = AsOf.DESCRIPTION) Instant asOf,
            CurrentUser user) {
        FindClientsByHealthQuery clients = new FindClientsByHealthQuery(user.organizationId());
        return history.view(user, asOf, clients, moment -> new FindClientsByHealthAsOfQuery(clients, moment),
                ClientHealthList.class);
    }

    @GetMapping("/clients/{id}")
    @Operation(summary = "Client 360: profile, MEDDPICC completeness, stakeholders, interactions, open deals,"
            + " engagements")
    Client360 get(@PathVariable UUID id, CurrentUser user) {
        return view(user, id);
    }

    @PutMapping("/clients/{id}")
    @Operation(summary = "Edit a client's profile")
    Client360 edit(@PathVariable UUID id, @RequestBody ClientRequest body,
            @IfMatch Long expected, CurrentUser user, HttpServletRequest request) {
        commands.send(new EditClientProfileCommand(id, user.organizationId(), user.actor(), expected, body.name(),
                body.status(), body.budget(), body.deadline()), user, request);
        return view(user, id);
    }

    @PutMapping("/clients/{id}/meddpicc/{field}")
    @Operation(summary = "Fill a MEDDPICC field (metrics, decision_criteria, decision_process, paper_process,"
            + " identified_pain, competition); an empty value clears it")
    Client360 setMeddpicc(@PathVariable UUID id, @PathVariable MeddpiccField field,
            @RequestBody MeddpiccRequest body, CurrentUser user, HttpServletRequest request) {
        commands.send(new SetMeddpiccFieldCommand(id, user.organizationId(), user.actor(), field, body.value()), user,
                request);
        return view(user, id);
    }

    @PutMapping("/clients/{id}/assignments/{userId}")
    @Operation(summary = "Assign a user to the client as lead or member; admins only")
    Client360 assign(@PathVariable UUID id, @PathVariable String userId,
            @RequestBody AssignmentRequest body, CurrentUser user, HttpServletRequest request) {
        commands.send(new AssignClientCommand(id, user.organizationId(), user.actor(), userId, body.role()), user,
                request);
        return view(user, id);
    }

    @DeleteMapping("/clients/{id}/assignments/{userId}")
    @Operation(summary = "Unassign a consultant from the client")
    Client360 unassign(@PathVariable UUID id, @PathVariable String userId, CurrentUser user,
            HttpServletRequest request) {
        commands.send(new UnassignClientCommand(id, user.organizationId(), user.actor(), userId), user, request);
        return view(user, id);
    }

    @IdempotentCreate
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/clients/{id}/stakeholders")
    @Operation(summary = "Add a stakeholder to the client; answers the new stakeholder, read with the client")
    ResponseEntity<StakeholderView> addStakeholder(@PathVariable UUID id, @RequestBody StakeholderRequest body,
            CurrentUser user, HttpServletRequest request) {
        UUID stakeholder = commands.idFor(body.id(), "id", request);
        PersonalValues values = checked(body);
        // Claimed before sealing: an id whose key exists already names someone, and of two adds at once one wins;
        // a key this client's earlier add of the id made (refused, then corrected) is still this person's.
        PersonalData.Claim claim = personalData.claim(user.organizationId(), stakeholder,
                PersonalData.PersonKind.STAKEHOLDER, id.toString());
        if (claim == PersonalData.Claim.OTHER_KIND) {
            throw PersonalData.otherPerson("id");
        }
        boolean newPerson = claim == PersonalData.Claim.NEW || claim == PersonalData.Claim.OWN;
        StakeholderDetails details = sealed(user, stakeholder, body, values);
        commands.send(new AddStakeholderCommand(id, user.organizationId(), user.actor(), stakeholder, details,
                newPerson), user, request);
        // Stored, but not in the view yet (parked, or the wait ran out): the advice answers 202 with the id.
        return ResponseEntity.created(URI.create("/api/v1/clients/" + id + "/stakeholders/" + stakeholder))
                .body(stakeholder(id, stakeholder, user));
    }

    @GetMapping("/clients/{id}/stakeholders/{stakeholderId}")
    @Operation(summary = "One stakeholder of the client, as the client 360 shows it")
    StakeholderView stakeholder(@PathVariable UUID id, @PathVariable UUID stakeholderId, CurrentUser user) {
        return queries.query(new FindStakeholderQuery(user.organizationId(), id, stakeholderId),
                        ResponseTypes.optionalInstanceOf(StakeholderView.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("stakeholder"));
    }

    @PutMapping("/clients/{id}/stakeholders/{stakeholderId}")
    @Operation(summary = "Edit a stakeholder")
    Client360 editStakeholder(@PathVariable UUID id, @PathVariable UUID stakeholderId,
            @RequestBody StakeholderRequest body, CurrentUser user, HttpServletRequest request) {
        commands.send(new EditStakeholderCommand(id, user.organizationId(), user.actor(), stakeholderId,
                sealed(user, stakeholderId, body)), user, request);
        return view(user, id);
    }

    @PostMapping("/clients/{id}/stakeholders/{stakeholderId}/erasure")
    @Operation(summary = "Erase a stakeholder, current or removed (admins): their name, email, phone and notes"
            + " unreadable in every event and table; the erasure itself stays in the audit trail")
    Client360 eraseStakeholder(@PathVariable UUID id, @PathVariable UUID stakeholderId, CurrentUser user,
            HttpServletRequest request) {
        user.requireAdmin(null, "only admins erase people");
        commands.send(new EraseStakeholderCommand(id, user.organizationId(), user.actor(), stakeholderId), user,
                request);
        personalData.erase(user.organizationId(), stakeholderId);
        return view(user, id);
    }

    @DeleteMapping("/clients/{id}/stakeholders/{stakeholderId}")
    @Operation(summary = "Remove a stakeholder from the client")
    Client360 removeStakeholder(@PathVariable UUID id, @PathVariable UUID stakeholderId, CurrentUser user,
            HttpServletRequest request) {
        commands.send(new RemoveStakeholderCommand(id, user.organizationId(), user.actor(), stakeholderId), user,
                request);
        return view(user, id);
    }

    @IdempotentCreate
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/clients/{id}/interactions")
    @Operation(summary = "Log a call, meeting, email, note or completed task; it dates the stakeholders' last"
            + " contact")
    ResponseEntity<InteractionView> logInteraction(@PathVariable UUID id, @RequestBody InteractionRequest body,
            CurrentUser user, HttpServletRequest request) {
        UUID interaction = commands.idFor(body.id(), "id", request);
        commands.send(new LogInteractionCommand(interaction, user.organizationId(), user.actor(), id, body.details()),
                user, request);
        return ResponseEntity.created(URI.create("/api/v1/interactions/" + interaction))
                .body(interaction(interaction, user));
    }

    @GetMapping("/interactions/{interactionId}")
    @Operation(summary = "One logged interaction")
    InteractionView interaction(@PathVariable UUID interactionId, CurrentUser user) {
        return queries.query(new FindInteractionQuery(user.organizationId(), interactionId),
                        ResponseTypes.optionalInstanceOf(InteractionView.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("interaction"));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PutMapping("/interactions/{interactionId}")
    @Operation(summary = "Correct a logged interaction")
    ResponseEntity<Void> correctInteraction(@PathVariable UUID interactionId, @RequestBody InteractionRequest body,
            CurrentUser user, HttpServletRequest request) {
        commands.send(new CorrectInteractionCommand(interactionId, user.organizationId(), user.actor(), body.details()),
                user, request);
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/interactions/{interactionId}")
    @Operation(summary = "Delete a logged interaction")
    ResponseEntity<Void> deleteInteraction(@PathVariable UUID interactionId, CurrentUser user,
            HttpServletRequest request) {
        commands.send(new DeleteInteractionCommand(interactionId, user.organizationId(), user.actor()), user, request);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/clients/{id}/health")
    @Operation(summary = "Health today (0-100), its five components, its band, and the daily history")
    ClientHealth health(@PathVariable UUID id, CurrentUser user) {
        return queries.query(new FindClientHealthQuery(user.organizationId(), id),
                        ResponseTypes.optionalInstanceOf(ClientHealth.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("client"));
    }

    /** A stakeholder's personal fields as checked, before anything is claimed or sealed for the person. */
    private record PersonalValues(String name, String email, String phone) {
    }

    private static PersonalValues checked(StakeholderRequest body) {
        PersonalValues values = new PersonalValues(PersonalFields.required("name", body.name(), NAME_MAX),
                PersonalFields.email("email", body.email()), PersonalFields.phone("phone", body.phone()));
        if (body.notes() != null && body.notes().length() > 10_000) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-value", "notes",
                    "notes must be at most 10000 characters");
        }
        return values;
    }

    private StakeholderDetails sealed(CurrentUser user, UUID subject, StakeholderRequest body) {
        return sealed(user, subject, body, checked(body));
    }

    private StakeholderDetails sealed(CurrentUser user, UUID subject, StakeholderRequest body,
            PersonalValues values) {
        String org = user.organizationId();
        return new StakeholderDetails(personalData.seal(org, subject, values.name()), body.title(),
                body.roles() == null ? Set.of() : body.roles(), body.engagementLevel(),
                personalData.seal(org, subject, values.email()), personalData.seal(org, subject, values.phone()),
                personalData.seal(org, subject, body.notes()));
    }

    /** Stakeholders' sealed fields are written as plaintext by the HTTP converter, or null once erased. */
    private Client360 view(CurrentUser user, UUID id) {
        return queries.query(new FindClient360Query(user.organizationId(), id),
                        ResponseTypes.optionalInstanceOf(Client360.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("client"));
    }
}
