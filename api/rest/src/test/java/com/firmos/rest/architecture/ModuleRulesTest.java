package com.firmos.rest.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module graph of docs/ARCHITECTURE.md ("Modules"), and the house rules for messages and aggregates. */
@AnalyzeClasses(packages = "com.firmos", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule messagesDependOnNothingOfOurs = noClasses()
            .that().resideInAPackage("com.firmos.api.messages..")
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
                    "com.firmos.rest..");

    /** The sides talk to the REST layer through messages; only their wiring and operations tools are public. */
    @ArchTest
    static final ArchRule restReachesNoInternalsOfTheSides = noClasses()
            .that().resideInAPackage("com.firmos.rest..")
            .should().dependOnClassesThat(resideInAPackage("com.firmos.command..")
                    .and(DescribedPredicate.not(resideInAPackage("com.firmos.command"))))
            .orShould().dependOnClassesThat(resideInAPackage("com.firmos.query..")
                    .and(DescribedPredicate.not(resideInAnyPackage("com.firmos.query", "com.firmos.query.shadow"))));

    @ArchTest
    static final ArchRule aggregatesArePackagePrivate = classes()
            .that().areAnnotatedWith(Aggregate.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule everyEventHasARevision = classes()
            .that().resideInAPackage("com.firmos.api.messages..").and().haveSimpleNameEndingWith("Event")
            .should().beAnnotatedWith(Revision.class);

    @ArchTest
    static final ArchRule messagesAreRecords = classes()
            .that(resideInAPackage("com.firmos.api.messages..").and(simpleNameEndingWith("Command")
                    .or(simpleNameEndingWith("Event")).or(simpleNameEndingWith("Query"))))
            .should().beRecords();
}
