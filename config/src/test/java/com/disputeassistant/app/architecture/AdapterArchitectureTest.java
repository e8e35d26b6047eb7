package com.disputeassistant.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.conversation.InboundMessage;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.procedure.ProcedureSettings;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The chat adapters only translate: Slack and Telegram turn payloads into events for the one inbound path
 * ({@code com.disputeassistant.inbound.ChatInbound}) and render what comes back. Who a person is, whether a
 * delivery was seen, whether a press counts and what the mediators' room allows live once, in bot-core.
 */
class AdapterArchitectureTest {
    /** The adapters' own code: not their tests, which come here in test jars as well as in test-classes. */
    private static final JavaClasses ADAPTERS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("com.disputeassistant.slack", "com.disputeassistant.telegram");

    @Test
    void chatAdaptersUseNeitherTheStoreNorTheButtonRegistryNorTheRoomsThreads() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.disputeassistant.store..",
                        "com.disputeassistant.buttons..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.disputeassistant.rooms.MediatorRoom")
                .because("dedupe, button checks and thread lookups are the inbound path's (ChatInbound, ChatRoom, "
                        + "ReplyTokens), the same for every channel")
                .check(ADAPTERS);
    }

    @Test
    void chatAdaptersHandEveryMessageToTheInboundPathNotToTheEngine() {
        noClasses().should().dependOnClassesThat().areAssignableTo(InboundMessage.class)
                .orShould().callMethod(ConversationEngine.class, "handle", InboundMessage.class)
                .because("the inbound path identifies the person, checks the press and retries the turn once for all")
                .check(ADAPTERS);
    }

    @Test
    void chatAdaptersDoNotDecideWhoIsAMediatorOrAPerson() {
        noClasses().that().resideOutsideOfPackage("com.disputeassistant.telegram.linking")
                .should().callMethod(ProcedureSettings.class, "isMediator", ChannelIdentity.class)
                .orShould().callMethod(Marketplace.class, "personByIdentity", ChannelIdentity.class)
                .because("who may act, and where, is the inbound path's and the room policy's; only Telegram's "
                        + "link codes look a person up, to link them")
                .check(ADAPTERS);
    }

    @Test
    void slackAndTelegramDoNotReachIntoEachOther() {
        noClasses().that().resideInAPackage("com.disputeassistant.slack..")
                .should().dependOnClassesThat().resideInAPackage("com.disputeassistant.telegram..")
                .check(ADAPTERS);
        noClasses().that().resideInAPackage("com.disputeassistant.telegram..")
                .should().dependOnClassesThat().resideInAPackage("com.disputeassistant.slack..")
                .check(ADAPTERS);
    }
}
