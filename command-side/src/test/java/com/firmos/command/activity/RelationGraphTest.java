package com.firmos.command.activity;

import static com.firmos.command.RefusalMatchers.refusal;
import static org.hamcrest.Matchers.containsString;

import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.relation.AddRelationCommand;
import com.firmos.api.messages.relation.EntityReference;
import com.firmos.api.messages.relation.RelationAddedEvent;
import com.firmos.api.messages.relation.RelationRemovedEvent;
import com.firmos.api.messages.relation.RelationType;
import com.firmos.api.messages.relation.RemoveRelationCommand;
import com.firmos.command.KnownClients;

/**
 * The tenant's relation graph. Pages stand in for any entity type this backend does not own, so the rules of
 * the graph are tested without the existence checks that {@link RelationCommands} makes for activities.
 */
class RelationGraphTest {

    private static final String ORG = "org_acme";
    private static final String GRAPH = RelationGraph.idOf(ORG);
    private static final EntityReference A = page("a");
    private static final EntityReference B = page("b");
    private static final EntityReference C = page("c");

    private AggregateTestFixture<RelationGraph> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RelationGraph.class);
        fixture.registerInjectableResource(KnownClients.unchecked());
        fixture.registerAnnotatedCommandHandler(new RelationCommands(fixture.getRepository(), null, null));
    }

    @Test
    void canAddFirstRelationOfATenant() {
        UUID id = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(add(id, A, B, RelationType.BLOCKS))
                .expectEvents(added(id, A, B, RelationType.BLOCKS));
    }

    @Test
    void canAddUntypedRelationWithLabel() {
        UUID id = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new AddRelationCommand(GRAPH, ORG, id, A, B, null, "see also", "user_ada"))
                .expectEvents(new RelationAddedEvent(GRAPH, ORG, id, A, B, null, "see also", "user_ada"));
    }

    @Test
    void cannotRelateAnEntityToItself() {
        fixture.givenNoPriorActivity()
                .when(add(UUID.randomUUID(), A, A, RelationType.RELATES_TO))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "target"))
                .expectNoEvents();
    }

    @Test
    void cannotRelateTheSamePairTwice() {
        fixture.given(added(UUID.randomUUID(), A, B, RelationType.INFORMS))
                .when(add(UUID.randomUUID(), A, B, RelationType.ENABLES))
                .expectException(refusal(RefusalCode.CONFLICT, "target"))
                .expectNoEvents();
    }

    @Test
    void canRelateThePairTheOtherWayWhenItOrdersNothing() {
        UUID id = UUID.randomUUID();
        fixture.given(added(UUID.randomUUID(), A, B, RelationType.RELATES_TO))
                .when(add(id, B, A, RelationType.INFORMS))
                .expectEvents(added(id, B, A, RelationType.INFORMS));
    }

    @Test
    void cannotCloseACycleOfBlocks() {
        fixture.given(added(UUID.randomUUID(), A, B, RelationType.BLOCKS),
                        added(UUID.randomUUID(), B, C, RelationType.BLOCKS))
                .when(add(UUID.randomUUID(), C, A, RelationType.BLOCKS))
                .expectException(refusal(RefusalCode.CONFLICT, "relationType"))
                .expectExceptionMessage(containsString(
                        "tenant_page:a → tenant_page:b → tenant_page:c → tenant_page:a"))
                .expectNoEvents();
    }

    @Test
    void cannotCloseACycleMixingBlocksAndDependsOn() {
        fixture.given(added(UUID.randomUUID(), A, B, RelationType.BLOCKS),
                        added(UUID.randomUUID(), C, B, RelationType.DEPENDS_ON))
                .when(add(UUID.randomUUID(), A, C, RelationType.DEPENDS_ON))
                .expectException(refusal(RefusalCode.CONFLICT, "relationType"))
                .expectExceptionMessage(containsString("tenant_page:a → tenant_page:b → tenant_page:c"));
    }

    @Test
    void cannotRetypeAnExistingPairByAddingIt() {
        fixture.given(added(UUID.randomUUID(), A, B, RelationType.BLOCKS))
                .when(add(UUID.randomUUID(), A, B, RelationType.DEPENDS_ON))
                .expectException(refusal(RefusalCode.CONFLICT, "target"));
    }

    @Test
    void cannotBlockWhatBlocksYou() {
        fixture.given(added(UUID.randomUUID(), A, B, RelationType.BLOCKS))
                .when(add(UUID.randomUUID(), B, A, RelationType.BLOCKS))
                .expectException(refusal(RefusalCode.CONFLICT, "relationType"));
    }

    @Test
    void canAddDiamondOfDependencies() {
        UUID id = UUID.randomUUID();
        EntityReference d = page("d");
        fixture.given(added(UUID.randomUUID(), A, B, RelationType.BLOCKS),
                        added(UUID.randomUUID(), A, C, RelationType.BLOCKS),
                        added(UUID.randomUUID(), B, d, RelationType.BLOCKS))
                .when(add(id, C, d, RelationType.BLOCKS))
                .expectEvents(added(id, C, d, RelationType.BLOCKS));
    }

    @Test
    void retriedAddChangesNothing() {
        UUID id = UUID.randomUUID();
        fixture.given(added(id, A, B, RelationType.BLOCKS))
                .when(add(id, A, B, RelationType.BLOCKS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotReuseARelationIdForAnotherPair() {
        UUID id = UUID.randomUUID();
        fixture.given(added(id, A, B, RelationType.BLOCKS))
                .when(add(id, A, C, RelationType.BLOCKS))
                .expectException(refusal(RefusalCode.ALREADY_EXISTS, "id"));
    }

    @Test
    void cannotNameAMalformedEntityType() {
        fixture.givenNoPriorActivity()
                .when(add(UUID.randomUUID(), new EntityReference("Tenant Page!", "x"), B, null))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "source.type"));
    }

    @Test
    void cannotGiveAnOversizedLabel() {
        fixture.givenNoPriorActivity()
                .when(new AddRelationCommand(GRAPH, ORG, UUID.randomUUID(), A, B, null, "x".repeat(201), "u"))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "label"));
    }

    @Test
    void canRemoveRelation() {
        UUID id = UUID.randomUUID();
        fixture.given(added(id, A, B, RelationType.BLOCKS))
                .when(new RemoveRelationCommand(GRAPH, ORG, id))
                .expectEvents(new RelationRemovedEvent(GRAPH, ORG, id, A, B, RelationType.BLOCKS));
    }

    @Test
    void removingARelationFreesThePair() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        fixture.given(added(first, A, B, RelationType.BLOCKS),
                        new RelationRemovedEvent(GRAPH, ORG, first, A, B, RelationType.BLOCKS))
                .when(add(second, B, A, RelationType.BLOCKS))
                .expectEvents(added(second, B, A, RelationType.BLOCKS));
    }

    @Test
    void cannotRemoveUnknownRelation() {
        fixture.given(added(UUID.randomUUID(), A, B, RelationType.BLOCKS))
                .when(new RemoveRelationCommand(GRAPH, ORG, UUID.randomUUID()))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    private static EntityReference page(String id) {
        return new EntityReference("tenant_page", id);
    }

    private static AddRelationCommand add(UUID id, EntityReference source, EntityReference target,
            RelationType type) {
        return new AddRelationCommand(GRAPH, ORG, id, source, target, type, null, "user_ada");
    }

    private static RelationAddedEvent added(UUID id, EntityReference source, EntityReference target,
            RelationType type) {
        return new RelationAddedEvent(GRAPH, ORG, id, source, target, type, null, "user_ada");
    }
}
