package com.disputeassistant.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The boundaries the design depends on: bot-core knows no channel, servlet or web library, Spring
 * Statemachine stays inside the procedure package, and Jedis inside the store.
 */
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.disputeassistant");

    @Test
    void botCoreUsesNoChannelServletOrWebLibrary() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "com.slack..", "org.telegram..", "jakarta.servlet..", "javax.servlet..",
                        "org.springframework.web..", "org.springframework.http..", "org.springframework.boot..")
                .because("bot-core is channel-agnostic; adapters live in their own modules")
                .check(CORE);
    }

    @Test
    void springStatemachineIsUsedOnlyByTheProcedure() {
        noClasses().that().resideOutsideOfPackage("com.disputeassistant.procedure")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.statemachine..")
                .because("the state machine library must be replaceable without touching the rest")
                .check(CORE);
    }

    @Test
    void jedisIsUsedOnlyWhereStateIsKept() {
        noClasses().that().resideOutsideOfPackages("com.disputeassistant.store", "com.disputeassistant.outbox",
                        "com.disputeassistant.webhooks",
                        "com.disputeassistant.buttons", "com.disputeassistant.rooms", "com.disputeassistant.evidence")
                .should().dependOnClassesThat().resideInAnyPackage("redis.clients..")
                .because("the procedure and the conversation know Redis only through the DisputeStore port; "
                        + "the outbox, the button registry, the webhook endpoints' states and the evidence records are Redis "
                        + "structures shared by instances")
                .check(CORE);
    }

    @Test
    void theDomainDependsOnNoInfrastructure() {
        noClasses().that().resideInAnyPackage("com.disputeassistant.dispute", "com.disputeassistant.marketplace")
                .should().dependOnClassesThat().resideInAnyPackage("com.disputeassistant.store..",
                        "com.disputeassistant.procedure..", "redis.clients..", "org.springframework..")
                .check(CORE);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("com.disputeassistant.(*)..").should().beFreeOfCycles().check(CORE);
    }
}
