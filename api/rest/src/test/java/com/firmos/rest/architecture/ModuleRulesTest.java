package com.firmos.rest.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static java.util.stream.Collectors.toSet;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;

import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.ClientScoped;
import com.firmos.api.messages.EngagementScoped;
import com.firmos.api.messages.TenantScoped;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** The module graph of docs/ARCHITECTURE.md ("Modules"), and the house rules for messages and aggregates. */
@AnalyzeClasses(packages = "com.firmos", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    private static final String MESSAGES = "com.firmos.api.messages";
    private static final Map<Class<?>, String> SCOPES = Map.of(
            EngagementScoped.class, "engagementId",
            ClientScoped.class, "clientId");
    /**
     * The packages of a side that are no feature, so need no namesake in api/messages: query-side replay tooling;
     * the REST layer's infrastructure (wiring, security, problems, logging, request limits at the door,
     * idempotency, read-your-writes), its operator tools (audit, cli, demo, operations), the
     * cross-cutting personal data, and the bridge to the legacy milestone system. The platform has no features:
     * every package of it is event-processing infrastructure.
     */
    private static final Map<String, Set<String>> NOT_FEATURES = Map.of(
            "com.firmos.command", Set.of(),
            "com.firmos.platform", Set.of("consistency", "deadletter", "eventstore", "health", "processing",
                    "projections", "querybus", "tokens"),
            "com.firmos.query", Set.of("asof", "shadow"),
            "com.firmos.rest", Set.of("audit", "cli", "config", "consistency", "demo", "door", "idempotency",
                    "logging", "milestone", "openapi", "operations", "privacy", "problem", "security"));

    @ArchTest
    static final ArchRule messagesDependOnNothingOfOurs = noClasses()
            .that().resideInAPackage("com.firmos.api.messages..")
            .should().dependOnClassesThat().resideInAnyPackage("com.firmos.command..", "com.firmos.query..",
                    "com.firmos.rest..", "com.firmos.migrations..", "com.firmos.platform..");

    /** Event-processing infrastructure beneath both sides and the REST layer: it builds on the messages only. */
    @ArchTest
    static final ArchRule platformKnowsOnlyTheMessages = noClasses()
            .that().resideInAPackage("com.firmos.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("com.firmos.command..", "com.firmos.query..",
                    "com.firmos.rest..", "com.firmos.migrations..");

    @ArchTest
    static final ArchRule commandSideNeverSeesTheQuerySide = noClasses()
            .that().resideInAPackage("com.firmos.command..")
            .should().dependOnClassesThat().resideInAnyPackage("com.firmos.query..", "com.firmos.rest..",
                    "com.firmos.migrations..");

    @ArchTest
    static final ArchRule querySideNeverSeesTheCommandSide = noClasses()
            .that().resideInAPackage("com.firmos.query..")
            .should().dependOnClassesThat().resideInAnyPackage("com.firmos.command..", "com.firmos.rest..",
                    "com.firmos.migrations..");

    @ArchTest
    static final ArchRule migrationsKnowOnlyTheMessages = noClasses()
            .that().resideInAPackage("com.firmos.migrations..")
            .should().dependOnClassesThat().resideInAnyPackage("com.firmos.command..", "com.firmos.query..",
                    "com.firmos.rest..", "com.firmos.platform..");

    /** The sides talk to the REST layer through messages; only their wiring and operations tools are public. */
    @ArchTest
    static final ArchRule restReachesNoInternalsOfTheSides = noClasses()
            .that().resideInAPackage("com.firmos.rest..")
            .should().dependOnClassesThat(resideInAPackage("com.firmos.command..")
                    .and(DescribedPredicate.not(resideInAPackage("com.firmos.command"))))
            .orShould().dependOnClassesThat(resideInAPackage("com.firmos.query..")
                    .and(DescribedPredicate.not(resideInAnyPackage("com.firmos.query", "com.firmos.query.shadow"))));

    /**
     * How events are stored and processed is the platform's: the REST layer sends commands and queries, and asks the
     * platform for processor status, rebuilds, dead letters and read-your-writes (and tells it which reads run, for a
     * catch-up to give way to), never Axon's processors, token
     * store, storage engine, dead-letter queues or their configuration.
     */
    @ArchTest
    static final ArchRule restLeavesEventProcessingToThePlatform = noClasses()
            .that().resideInAPackage("com.firmos.rest..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.eventhandling..",
                    "org.axonframework.eventsourcing.eventstore..", "org.axonframework.messaging.deadletter..",
                    "org.axonframework.config..", "org.axonframework.springboot..", "org.axonframework.common.jpa..",
                    "org.axonframework.common.jdbc..")
            .orShould().dependOnClassesThat().belongToAnyOf(StreamableMessageSource.class);

    @ArchTest
    static final ArchRule aggregatesArePackagePrivate = classes()
            .that().areAnnotatedWith(Aggregate.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule everyEventHasARevision = classes()
            .that().resideInAPackage("com.firmos.api.messages..").and().haveSimpleNameEndingWith("Event")
            .and().areNotInterfaces()
            .should().beAnnotatedWith(Revision.class);

    /** Messages are records; the sealed interfaces their events implement are the one other kind of *Event. */
    @ArchTest
    static final ArchRule messagesAreRecords = classes()
            .that(resideInAPackage("com.firmos.api.messages..").and(simpleNameEndingWith("Command")
                    .or(simpleNameEndingWith("Event")).or(simpleNameEndingWith("Query"))))
            .and().areNotInterfaces()
            .should().beRecords();

    /** Each event belongs to one aggregate, named by the sealed interface of its package it implements. */
    @ArchTest
    static final ArchRule everyEventIsOfOneAggregateAndOneTenant = classes()
            .that().resideInAPackage("com.firmos.api.messages..").and().haveSimpleNameEndingWith("Event")
            .and().areRecords()
            .should(new ArchCondition<>("implement exactly one sealed event interface of their own package, and "
                    + TenantScoped.class.getSimpleName()) {
                @Override
                public void check(JavaClass event, ConditionEvents events) {
                    List<String> aggregates = event.getRawInterfaces().stream()
                            .filter(type -> type.getPackage().equals(event.getPackage()))
                            .filter(type -> type.reflect().isSealed()).map(JavaClass::getSimpleName).toList();
                    if (aggregates.size() != 1 || !event.isAssignableTo(TenantScoped.class)) {
                        events.add(SimpleConditionEvent.violated(event, event.getName() + " implements "
                                + aggregates + (event.isAssignableTo(TenantScoped.class) ? "" : ", no tenant")));
                    }
                }
            });

    /**
     * An event is sequenced by its engagement or client exactly when it names one ({@code ScopeSequencingPolicy}):
     * a scoped field without its marker would silently leave the order the read models rely on.
     */
    @ArchTest
    static final ArchRule everyEventNamingAScopeIsMarkedWithIt = classes()
            .that().resideInAPackage("com.firmos.api.messages..").and().haveSimpleNameEndingWith("Event")
            .and().areRecords()
            .should(new ArchCondition<>("implement EngagementScoped, ClientScoped exactly when they have a "
                    + "component engagementId, clientId") {
                @Override
                public void check(JavaClass event, ConditionEvents events) {
                    Set<String> components = Arrays.stream(event.reflect().getRecordComponents())
                            .map(RecordComponent::getName).collect(toSet());
                    SCOPES.forEach((scope, component) -> {
                        if (event.isAssignableTo(scope) != components.contains(component)) {
                            events.add(SimpleConditionEvent.violated(event, event.getName() + " has "
                                    + (components.contains(component) ? "" : "no ") + component + " but is "
                                    + (event.isAssignableTo(scope) ? "" : "not ") + scope.getSimpleName()));
                        }
                    });
                }
            });

    /** One name per feature: every feature package of a side is named after a package of api/messages. */
    @ArchTest
    static void everyFeaturePackageHasANamesakeInTheMessages(JavaClasses classes) {
        Set<String> features = subpackages(classes, MESSAGES);
        SoftAssertions softly = new SoftAssertions();
        NOT_FEATURES.forEach((side, exempt) -> {
            Set<String> packages = subpackages(classes, side);
            softly.assertThat(exempt).as("the exemptions of %s are packages of it and no feature", side)
                    .isSubsetOf(packages).doesNotContainAnyElementsOf(features);
            Set<String> featurePackages = new HashSet<>(packages);
            featurePackages.removeAll(exempt);
            softly.assertThat(featurePackages).as("the feature packages of %s, named as in %s", side, MESSAGES)
                    .isSubsetOf(features);
        });
        softly.assertAll();
    }

    private static Set<String> subpackages(JavaClasses classes, String root) {
        return classes.getPackage(root).getSubpackages().stream().map(JavaPackage::getRelativeName)
                .collect(toSet());
    }
}
