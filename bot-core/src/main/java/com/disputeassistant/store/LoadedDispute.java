package com.disputeassistant.store;

import com.disputeassistant.language.Preference;
import com.disputeassistant.language.Speaker;
import java.util.Map;
import java.util.Objects;

/**
 * A dispute as a turn loads it, with what is stored about the languages of the people the turn may
 * address (someone with nothing stored is left out), read together.
 */
public record LoadedDispute(StoredDispute stored, Map<Speaker, Preference> languages) {
    public LoadedDispute {
        Objects.requireNonNull(stored, "stored");
        languages = Map.copyOf(languages);
    }
}
