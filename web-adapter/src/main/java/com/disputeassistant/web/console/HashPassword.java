package com.disputeassistant.web.console;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code java -jar dispute-assistant.jar hash-password}: reads a password (without echo on a terminal,
 * else one line from standard input) and prints its bcrypt hash in the form
 * {@code dispute.console.accounts[n].password-hash} takes. The password itself is never printed.
 */
public final class HashPassword {
    /** The command's word, the first argument of the jar. */
    public static final String COMMAND = "hash-password";
    /** Shorter passwords are refused: the console decides about money. */
    static final int MIN_LENGTH = 12;

    private HashPassword() {
    }

    /** Runs the command; returns the process exit status. */
    public static int run(PrintStream out, PrintStream err) {
        char[] password;
        try {
            password = read(err);
        } catch (IOException e) {
            err.println("Could not read the password: " + e.getMessage());
            return 1;
        }
        if (password == null || password.length < MIN_LENGTH) {
            err.println("Give a password of at least " + MIN_LENGTH + " characters (the console decides about money).");
            return 2;
        }
        out.println(hash(new String(password)));
        java.util.Arrays.fill(password, ' ');
        return 0;
    }

    /** The hash of a password, with the {@code {bcrypt}} id in front. */
    static String hash(String password) {
        return "{bcrypt}" + new BCryptPasswordEncoder(12).encode(password);
    }

    private static char[] read(PrintStream err) throws IOException {
        Console console = System.console();
        if (console != null) {
            return console.readPassword("Password for the console account: ");
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.toCharArray();
    }
}
