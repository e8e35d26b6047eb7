package com.disputeassistant.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/** One of the store's Lua scripts (most kept as resources next to these classes), run by its SHA-1. */
record Scripts(String source, String sha) {

    /**
     * The script made of these resources, in order: a script that shares functions with another (the
     * replies' writes of {@code replies.lua}) is read with that file first.
     */
    static Scripts read(String... names) {
        StringBuilder source = new StringBuilder();
        for (String name : names) {
            try (InputStream in = Scripts.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException(name + " is missing next to " + Scripts.class.getName());
                }
                source.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
        return new Scripts(source.toString(), sha1(source.toString()));
    }

    /** This script followed by {@code more}, written in the code: for a few lines that use this one's functions. */
    Scripts then(String more) {
        return of(source + more);
    }

    /** A script written in the code, for one that is a few lines long. */
    static Scripts of(String source) {
        return new Scripts(source, sha1(source));
    }

    /** Runs the script: by its SHA-1, so only its hash travels, or in full once if Redis does not have it yet. */
    List<?> run(UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            return (List<?>) redis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException notCachedYet) {
            // A restarted or fresh Redis has no scripts: EVAL runs it and caches it for the next EVALSHA.
            return (List<?>) redis.eval(source, keys, args);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
