package com.disputeassistant.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A block of README.md that is generated from the code (the procedure's diagram, the mediator command
 * table), between two marker comments. {@link #check} fails when the README shows something else than
 * what the code generates, and rewrites the block instead when the system property {@code writeProperty}
 * is true, so that the README can never drift from what runs.
 */
public record ReadmeBlock(String begin, String end, String writeProperty, String rewriteCommand) {

    /** Fails unless README.md holds {@code generated} between the markers; rewrites it when asked to. */
    public void check(String generated) {
        Path readme = readme();
        try {
            String text = Files.readString(readme, StandardCharsets.UTF_8);
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            assertThat(from).as("README.md has the marker %s", begin).isNotNegative();
            assertThat(to).as("README.md has the marker %s after the beginning one", end).isGreaterThan(from);
            String current = text.substring(from + begin.length() + 1, to);
            if (Boolean.getBoolean(writeProperty) && !current.equals(generated)) {
                Files.writeString(readme, text.substring(0, from + begin.length() + 1) + generated + text.substring(to),
                        StandardCharsets.UTF_8);
                return;
            }
            assertThat(current).as("this part of README.md is out of date; rewrite it with: " + rewriteCommand)
                    .isEqualTo(generated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** README.md of the repository: surefire runs in the module's folder, so it is found walking up. */
    private static Path readme() {
        return repositoryRoot().resolve("README.md");
    }

    /** The repository's top folder (where README.md and mvnw are), from any module's working directory. */
    public static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
    }
}
