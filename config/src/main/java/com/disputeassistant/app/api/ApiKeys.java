package com.disputeassistant.app.api;

import com.disputeassistant.app.StartupProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The API keys the app accepts, kept only as SHA-256 hashes, each with a name for the logs. A presented
 * key is hashed and compared with every stored hash in constant time, all of them every time, so how
 * long the check takes says nothing about which bytes or which key matched. (Keys are high-entropy
 * random strings, so a fast hash is enough; a password hash would only slow every request.)
 */
final class ApiKeys {
    static final String HOW_TO_MAKE = "key=\"da_$(openssl rand -hex 32)\"; echo \"$key\"; "
            + "printf %s \"$key\" | sha256sum";

    private record Key(String name, byte[] sha256) {
    }

    private final List<Key> keys;

    private ApiKeys(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /** Reads {@code name:hex} entries; a malformed one stops the start with what to write. */
    static ApiKeys of(List<String> written) {
        List<Key> keys = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < written.size(); i++) {
            String entry = written.get(i) == null ? "" : written.get(i).strip();
            if (entry.isEmpty()) {
                // DISPUTE_API_KEYS= (empty), as docker-compose passes it when unset.
                continue;
            }
            int colon = entry.lastIndexOf(':');
            String name = colon > 0 ? entry.substring(0, colon).strip() : "";
            String hex = colon > 0 ? entry.substring(colon + 1).strip().toLowerCase() : "";
            if (name.isEmpty() || !name.matches("[A-Za-z0-9_.-]{1,64}") || !hex.matches("[0-9a-f]{64}")) {
                throw new StartupProblem("dispute.api.keys[" + i + "] is not name:sha256 (a name of letters, digits, "
                        + "'.', '_' or '-', a colon, and the 64 hex digits of the key's SHA-256)",
                        "Make a key and its hash with: " + HOW_TO_MAKE + "; give the key to the marketplace and set "
                                + "DISPUTE_API_KEYS=<name>:<hash> (several separated by commas).");
            }
            if (!names.add(name)) {
                throw new StartupProblem("dispute.api.keys: the name " + name + " is used twice",
                        "Give every API key its own name; the name is what the logs show for each write.");
            }
            keys.add(new Key(name, HexFormat.of().parseHex(hex)));
        }
        return new ApiKeys(keys);
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    int size() {
        return keys.size();
    }

    /** The name of the key presented, if it is one of ours. */
    Optional<String> nameOf(String presented) {
        byte[] hash = sha256(presented);
        String match = null;
        for (Key key : keys) {
            // No early exit: every stored hash is compared, whichever matches.
            if (MessageDigest.isEqual(hash, key.sha256()) & match == null) {
                match = key.name();
            }
        }
        return Optional.ofNullable(match);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
