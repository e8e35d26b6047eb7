package com.disputeassistant.conversation;

import com.disputeassistant.language.Language;
import com.disputeassistant.language.Preference;
import com.disputeassistant.language.Speaker;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.Person;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.LoadedDispute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who speaks which language, among the people one inbound message (or one timer) may address: each
 * recipient gets every text in their own language, so one turn can tell a German client and an English
 * expert the same news. The stored preferences are read once, for everyone at once, together with the
 * dispute (no round trip of their own), and the sender's channel hint is written only when it changed.
 */
final class Audience {
    private final DisputeStore store;
    private final Marketplace marketplace;
    private final ProcedureSettings settings;
    private final Map<Language, Prompts> prompts;
    /** The sender's identity and the channel's hint of their language; both null for a timer. */
    private final ChannelIdentity sender;
    private final Language senderHint;
    private final Map<Speaker, Preference> stored = new HashMap<>();
    private final Map<ChannelIdentity, Speaker> speakers = new HashMap<>();

    Audience(DisputeStore store, Marketplace marketplace, ProcedureSettings settings, Map<Language, Prompts> prompts,
             ChannelIdentity sender, Language senderHint) {
        this.store = store;
        this.marketplace = marketplace;
        this.settings = settings;
        this.prompts = prompts;
        this.sender = sender;
        this.senderHint = senderHint;
    }

    /**
     * The people a turn may address besides the dispute's parties, whose languages are not known yet: the
     * sender and the mediators. The store reads them with the dispute ({@link DisputeStore#loadForTurn}).
     */
    List<Speaker> othersToAsk() {
        List<Speaker> unread = new ArrayList<>();
        settings.mediators().forEach(m -> addUnread(unread, speakerOf(m)));
        if (sender != null) {
            addUnread(unread, speakerOf(sender));
        }
        return unread;
    }

    /** Keeps what the turn's load read: the languages of the dispute's parties and of {@code asked}. */
    void remember(LoadedDispute loaded, List<Speaker> asked) {
        List<Speaker> read = new ArrayList<>(asked);
        loaded.stored().dispute().parties().forEach(party -> read.add(Speaker.person(party.value())));
        read.forEach(speaker -> stored.put(speaker, loaded.languages().getOrDefault(speaker, Preference.NONE)));
    }

    private void addUnread(List<Speaker> unread, Speaker speaker) {
        if (!stored.containsKey(speaker) && !unread.contains(speaker)) {
            unread.add(speaker);
        }
    }

    private void read(List<Speaker> unread) {
        if (unread.isEmpty()) {
            return;
        }
        Map<Speaker, Preference> found = store.languages(unread);
        unread.forEach(speaker -> stored.put(speaker, found.getOrDefault(speaker, Preference.NONE)));
    }

    /** The language of whoever is reached at this identity. */
    Language of(ChannelIdentity identity) {
        Speaker speaker = speakerOf(identity);
        if (!stored.containsKey(speaker)) {
            read(List.of(speaker));
        }
        Language marketplaceLanguage = settings.isMediator(identity) ? null
                : marketplace.personByIdentity(identity).map(Person::language).orElse(null);
        Language hint = identity.equals(sender) ? senderHint : null;
        return stored.get(speaker).resolve(marketplaceLanguage, hint);
    }

    /** The language of a marketplace person, wherever they are reached. */
    Language of(PersonId person) {
        Speaker speaker = Speaker.person(person.value());
        if (!stored.containsKey(speaker)) {
            read(List.of(speaker));
        }
        Language hint = sender != null && speakerOf(sender).equals(speaker) ? senderHint : null;
        return stored.get(speaker).resolve(marketplace.person(person).map(Person::language).orElse(null), hint);
    }

    /** The sender's language; English for a timer, which has none. */
    Language ofSender() {
        return sender == null ? Language.DEFAULT : of(sender);
    }

    Prompts prompts(Language language) {
        return prompts.get(language);
    }

    Prompts prompts(Address address) {
        return address == null ? prompts(Language.DEFAULT) : prompts(of(address.identity()));
    }

    Prompts prompts(PersonId person) {
        return prompts(of(person));
    }

    Messages messages(Address address) {
        return prompts(address).messages();
    }

    Messages messages(PersonId person) {
        return prompts(person).messages();
    }

    /** The sender chose a language ({@code /language de}): stored at once, and spoken from now on. */
    void choose(Language language) {
        Speaker speaker = speakerOf(Objects.requireNonNull(sender, "a timer chooses no language"));
        store.chooseLanguage(speaker, language);
        Preference before = stored.getOrDefault(speaker, Preference.NONE);
        stored.put(speaker, new Preference(language, before.hinted()));
    }

    /**
     * Keeps the channel's hint of the sender's language, if the message had one and it differs from the
     * one stored: a write only when someone's app language changed, not on every message.
     */
    void keepSenderHint() {
        // Nothing is kept for strangers: anyone can write to a bot, and nobody else needs their language.
        if (sender == null || senderHint == null
                || !settings.isMediator(sender) && marketplace.personByIdentity(sender).isEmpty()) {
            return;
        }
        Speaker speaker = speakerOf(sender);
        Preference known = stored.get(speaker);
        if (known != null && known.hinted() != senderHint) {
            store.hintLanguage(speaker, senderHint);
            stored.put(speaker, new Preference(known.chosen(), senderHint));
        }
    }

    /** Mediators are staff, known by their identity; everyone else by their marketplace account, if any. */
    private Speaker speakerOf(ChannelIdentity identity) {
        return speakers.computeIfAbsent(identity, id -> settings.isMediator(id) ? Speaker.identity(id.toString())
                : marketplace.personByIdentity(id).map(p -> Speaker.person(p.id().value()))
                        .orElseGet(() -> Speaker.identity(id.toString())));
    }
}
