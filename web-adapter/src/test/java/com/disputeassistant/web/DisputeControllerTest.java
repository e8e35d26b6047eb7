package com.disputeassistant.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.disputeassistant.dispute.TranscriptEntry;
import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Extension;
import com.disputeassistant.dispute.ExtensionAnswer;
import com.disputeassistant.dispute.Outcome;
import com.disputeassistant.dispute.HandoffReason;
import com.disputeassistant.dispute.OutcomeType;
import com.disputeassistant.dispute.Reason;
import com.disputeassistant.dispute.Role;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TaskScope;
import com.disputeassistant.dispute.TaskVerdict;
import com.disputeassistant.dispute.TimelineEntry;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.StoredDispute;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@WebApiTest
class DisputeControllerTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    Marketplace marketplace;
    @Autowired
    DisputeStore store;

    @Test
    void listsTheOpenDisputesOfTheIdentitysPersonWithTheirRoleStepAndDeadline() throws Exception {
        Dispute open = Samples.openDispute("DOPEN001");
        open.moveTo(Step.TERMS, Samples.NOW.plus(Duration.ofDays(3)), List.of());
        Dispute closedMeanwhile = Samples.openDispute("DCLOSED1");
        closedMeanwhile.close(Outcome.withoutMoney(closedMeanwhile.id(), OutcomeType.WITHDRAWN, Samples.NOW, "web:alice"));
        closedMeanwhile.moveTo(Step.CLOSED, null, List.of());
        when(marketplace.personByIdentity(ChannelIdentity.of("web:bob"))).thenReturn(Optional.of(Samples.BOB));
        when(store.openDisputesOf(Samples.BOB.id())).thenReturn(List.of(open.id(), closedMeanwhile.id(),
                new DisputeId("DGONE001")));
        when(store.load(open.id())).thenReturn(Optional.of(new StoredDispute(open, 3)));
        when(store.load(closedMeanwhile.id())).thenReturn(Optional.of(new StoredDispute(closedMeanwhile, 9)));
        when(store.load(new DisputeId("DGONE001"))).thenReturn(Optional.empty());
        // The port's own default method, so that the closed and vanished disputes are really filtered.
        when(store.loadOpenDisputesOf(Samples.BOB.id())).thenCallRealMethod();

        mvc.perform(get("/api/disputes").param("as", "web:bob"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.disputes.length()").value(1))
                .andExpect(jsonPath("$.disputes[0].id").value("DOPEN001"))
                .andExpect(jsonPath("$.disputes[0].orderId").value("ORD-1001"))
                .andExpect(jsonPath("$.disputes[0].orderTitle").value("Logo design"))
                .andExpect(jsonPath("$.disputes[0].role").value("expert"))
                .andExpect(jsonPath("$.disputes[0].step").value("TERMS"))
                .andExpect(jsonPath("$.disputes[0].stepDeadline").value("2026-11-23T10:15:30Z"));
    }

    @Test
    void theMediatorsQueueListsUnclaimedHandOffsOldestFirstWithReasonAndSince() throws Exception {
        Dispute waiting = Samples.openDispute("DWAIT001");
        waiting.handOff(HandoffReason.TERMS_UNCLEAR, Step.TASKS, Samples.NOW);
        waiting.moveTo(Step.MEDIATION, null, List.of());
        Dispute claimedMeanwhile = Samples.openDispute("DCLAIM01");
        claimedMeanwhile.handOff(HandoffReason.PARTY_ASKED, Step.TERMS, Samples.NOW);
        claimedMeanwhile.moveTo(Step.MEDIATION, null, List.of());
        claimedMeanwhile.claim("web:mia");
        when(store.mediatorQueue()).thenReturn(List.of(waiting.id(), claimedMeanwhile.id(), new DisputeId("DGONE001")));
        when(store.load(waiting.id())).thenReturn(Optional.of(new StoredDispute(waiting, 4)));
        when(store.load(claimedMeanwhile.id())).thenReturn(Optional.of(new StoredDispute(claimedMeanwhile, 5)));
        when(store.load(new DisputeId("DGONE001"))).thenReturn(Optional.empty());

        mvc.perform(get("/api/disputes/waiting-for-mediator"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.waiting.length()").value(1))
                .andExpect(jsonPath("$.waiting[0].id").value("DWAIT001"))
                .andExpect(jsonPath("$.waiting[0].orderTitle").value("Logo design"))
                .andExpect(jsonPath("$.waiting[0].reason").value("TERMS_UNCLEAR"))
                .andExpect(jsonPath("$.waiting[0].since").value(Samples.NOW.toString()));
    }

    @Test
    void aMediatorWhoIsNoMarketplacePersonGetsAnEmptyList() throws Exception {
        when(marketplace.personByIdentity(WebApiTest.MEDIATOR)).thenReturn(Optional.empty());

        mvc.perform(get("/api/disputes").param("as", "web:mia"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.disputes").isEmpty());
    }

    @Test
    void anUnknownIdentityIsNotFoundWithWhereToLook() throws Exception {
        when(marketplace.personByIdentity(ChannelIdentity.of("web:nobody"))).thenReturn(Optional.empty());

        mvc.perform(get("/api/disputes").param("as", "web:nobody"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value(containsString("No one is known as web:nobody")))
                .andExpect(jsonPath("$.error").value(containsString("/api/people")));
    }

    @Test
    void listingWithoutAWebIdentityIsABadRequest() throws Exception {
        mvc.perform(get("/api/disputes"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("Say who you are")));
        mvc.perform(get("/api/disputes").param("as", "telegram:1001"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("must be a web identity")));
    }

    @Test
    void showsEverythingThePanelNeedsAboutOneDispute() throws Exception {
        Dispute dispute = Samples.openDispute("DFULL001");
        dispute.chooseReason(Reason.NOT_ACCEPTABLE);
        dispute.describe("The drafts ignore the brief");
        dispute.confirmTerms(Role.EXPERT);
        dispute.confirmTerms(Role.CLIENT);
        dispute.addTask("Use the brand colours");
        dispute.replaceTask(dispute.addTask("Deliver an SVG").withScope(TaskScope.ACCEPTED).withVerdict(TaskVerdict.DONE));
        dispute.startRework(Samples.NOW.plus(Duration.ofDays(5)));
        dispute.recordExtension(new Extension(Samples.BOB.id(), Samples.NOW, 2, "ill", ExtensionAnswer.PENDING, null));
        dispute.answerPendingExtension(ExtensionAnswer.GRANTED, Samples.NOW.plusSeconds(60));
        dispute.proposeFee(Role.CLIENT, Money.of("40.00", "EUR"));
        dispute.proposeFee(Role.EXPERT, Money.of("100.00", "EUR"));
        dispute.revealFeeFigures();
        dispute.close(Outcome.withFee(dispute.id(), OutcomeType.SETTLED, Money.of("70.50", "EUR"),
                Money.of("120.00", "EUR"), Samples.NOW, "bot"));
        dispute.moveTo(Step.CLOSED, null, List.of());
        when(store.load(dispute.id())).thenReturn(Optional.of(new StoredDispute(dispute, 12)));
        when(store.timeline(dispute.id())).thenReturn(List.of(
                new TimelineEntry(Samples.NOW, "web:alice", Step.INTAKE, Step.TALKING, "reason chosen")));
        when(store.transcript(dispute.id(), DisputeController.TRANSCRIPT_LINES)).thenReturn(List.of(
                new TranscriptEntry(Samples.NOW, "web:alice", "bot", "<b>not bold</b>")));

        mvc.perform(get("/api/disputes/DFULL001"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("DFULL001"))
                .andExpect(jsonPath("$.step").value("CLOSED"))
                .andExpect(jsonPath("$.order.id").value("ORD-1001"))
                .andExpect(jsonPath("$.order.client").value("alice"))
                .andExpect(jsonPath("$.reason").value("NOT_ACCEPTABLE"))
                .andExpect(jsonPath("$.description").value("The drafts ignore the brief"))
                .andExpect(jsonPath("$.terms.price.amount").value("120.00"))
                .andExpect(jsonPath("$.terms.price.currency").value("EUR"))
                .andExpect(jsonPath("$.terms.deadline").value("2026-11-01"))
                .andExpect(jsonPath("$.termsConfirmedBy[0]").value("client"))
                .andExpect(jsonPath("$.termsConfirmedBy[1]").value("expert"))
                .andExpect(jsonPath("$.tasks.length()").value(2))
                .andExpect(jsonPath("$.tasks[1].number").value(2))
                .andExpect(jsonPath("$.tasks[1].text").value("Deliver an SVG"))
                .andExpect(jsonPath("$.tasks[1].scope").value("ACCEPTED"))
                .andExpect(jsonPath("$.rework.round").value(1))
                .andExpect(jsonPath("$.rework.workingExpert").value("bob"))
                .andExpect(jsonPath("$.rework.deadline").value("2026-11-25T10:15:30Z"))
                .andExpect(jsonPath("$.extensions[0].requestedBy").value("bob"))
                .andExpect(jsonPath("$.extensions[0].days").value(2))
                .andExpect(jsonPath("$.extensions[0].answer").value("GRANTED"))
                .andExpect(jsonPath("$.fee.proposals.client.amount").value("40.00"))
                .andExpect(jsonPath("$.fee.proposals.expert.amount").value("100.00"))
                .andExpect(jsonPath("$.fee.proposedThisRound[0]").value("client"))
                .andExpect(jsonPath("$.fee.proposedThisRound[1]").value("expert"))
                .andExpect(jsonPath("$.fee.figuresRevealed").value(true))
                .andExpect(jsonPath("$.outcome.type").value("SETTLED"))
                .andExpect(jsonPath("$.outcome.payout").value("70.50"))
                .andExpect(jsonPath("$.outcome.refund").value("49.50"))
                .andExpect(jsonPath("$.outcome.currency").value("EUR"))
                .andExpect(jsonPath("$.timeline[0].actor").value("web:alice"))
                .andExpect(jsonPath("$.timeline[0].from").value("INTAKE"))
                .andExpect(jsonPath("$.timeline[0].to").value("TALKING"))
                .andExpect(jsonPath("$.transcript[0].text").value("<b>not bold</b>"));
    }

    @Test
    void anOutcomeWithoutMoneyHasNoAmounts() throws Exception {
        Dispute dispute = Samples.openDispute("DWDRAWN1");
        dispute.close(Outcome.withoutMoney(dispute.id(), OutcomeType.WITHDRAWN, Samples.NOW, "web:alice"));
        when(store.load(dispute.id())).thenReturn(Optional.of(new StoredDispute(dispute, 2)));

        mvc.perform(get("/api/disputes/DWDRAWN1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome.type").value("WITHDRAWN"))
                .andExpect(jsonPath("$.outcome.payout").doesNotExist())
                .andExpect(jsonPath("$.outcome.currency").doesNotExist());
    }

    @Test
    void anUnknownDisputeIsNotFound() throws Exception {
        when(store.load(new DisputeId("DNOPE123"))).thenReturn(Optional.empty());

        mvc.perform(get("/api/disputes/DNOPE123"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value(containsString("There is no dispute DNOPE123")));
    }

    @Test
    void aMalformedDisputeIdIsABadRequest() throws Exception {
        mvc.perform(get("/api/disputes/{id}", "D7K2:M9QX"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("Not a dispute id")));
        mvc.perform(get("/api/disputes/{id}", "D".repeat(41)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("like D7K2M9QX")));
    }
}
