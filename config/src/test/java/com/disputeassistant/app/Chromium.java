package com.disputeassistant.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for the browser tests (Debian's {@code chromium} and {@code chromium-driver};
 * nothing is downloaded). Where they are not installed, the calling test is skipped with the reason.
 */
final class Chromium {
    private Chromium() {
    }

    /** Starts a browser; the caller quits it. */
    static WebDriver start() {
        Optional<Path> chromium = installed("chromium", "chromium-browser");
        Optional<Path> driver = installed("chromedriver");
        assumeTrue(chromium.isPresent() && driver.isPresent(),
                "Chromium is not installed: apt-get install -y chromium chromium-driver (.ci/run does)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,2000");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort().build(), options);
    }

    private static Optional<Path> installed(String... names) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(names)
                .flatMap(name -> Stream.of(path.split(java.io.File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
