package com.disputeassistant.web;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.Person;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.StoredDispute;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only views of disputes for the playground's side panel. Nothing here changes a dispute. */
@RestController
@Playground.OnlyWhenOn
@RequestMapping(path = "/api/disputes", produces = MediaType.APPLICATION_JSON_VALUE)
class DisputeController {
    /** Enough to follow the conversation on screen; the store keeps all of it. */
    static final int TRANSCRIPT_LINES = 200;

    private final Marketplace marketplace;
    private final DisputeStore store;
    private final ProcedureSettings settings;

    DisputeController(Marketplace marketplace, DisputeStore store, ProcedureSettings settings) {
        this.marketplace = marketplace;
        this.store = store;
        this.settings = settings;
    }

    /**
     * The open disputes in which this web identity's person is a party. A mediator gets an empty list:
     * the store indexes open disputes by party only, so those waiting for or held by a mediator
     * cannot be listed per mediator yet.
     */
    @GetMapping
    DisputeViews.Summaries disputesOf(@RequestParam(name = "as", required = false) String as) {
        ChannelIdentity identity = WebIdentity.parse(as);
        Optional<Person> person = marketplace.personByIdentity(identity);
        if (person.isEmpty()) {
            if (settings.isMediator(identity)) {
                return new DisputeViews.Summaries(List.of());
            }
            throw new NotFound("No one is known as " + identity + ": pick an identity from GET /api/people.");
        }
        List<DisputeViews.Summary> disputes = store.loadOpenDisputesOf(person.get().id()).stream()
                .map(dispute -> DisputeViews.Summary.of(dispute, person.get().id()))
                .toList();
        return new DisputeViews.Summaries(disputes);
    }

    /**
     * The mediators' queue: disputes handed to a human that nobody has claimed, the longest waiting
     * first. Anyone may read it here, as anyone may act as a mediator in the playground.
     */
    @GetMapping("/waiting-for-mediator")
    DisputeViews.Queue waitingForMediator() {
        return new DisputeViews.Queue(store.mediatorQueue().stream()
                .flatMap(id -> store.load(id).map(StoredDispute::dispute).stream())
                .filter(Dispute::awaitsMediator)
                .map(DisputeViews.Waiting::of)
                .toList());
    }

    @GetMapping("/{id}")
    DisputeViews.Details dispute(@PathVariable("id") String id) {
        DisputeId disputeId = parseId(id);
        Dispute dispute = store.load(disputeId).map(StoredDispute::dispute).orElseThrow(() -> new NotFound(
                "There is no dispute " + disputeId + ": GET /api/disputes?as=<web identity> lists a person's disputes."));
        return DisputeViews.Details.of(dispute, store.timeline(disputeId), store.transcript(disputeId, TRANSCRIPT_LINES));
    }

    private static DisputeId parseId(String id) {
        try {
            return new DisputeId(id);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("Not a dispute id: " + e.getMessage() + ", like D7K2M9QX.");
        }
    }
}
