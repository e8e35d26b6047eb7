package com.disputeassistant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.evidence.EvidenceIntake;
import com.disputeassistant.evidence.EvidenceItem;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.testing.RedisTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;

/**
 * Evidence in a real headless Chromium (skipped with the reason where Chromium is not installed): Alice
 * attaches a PDF with a caption through the playground's button, Bob's pane shows it as a link that
 * downloads it as an attachment, and the console's dispute page lists it for the mediator.
 */
@SpringBootTest(classes = DisputeAssistantApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class EvidenceBrowserIT {
    private static final String PREFIX = RedisTestSupport.uniquePrefix();
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path folder;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ConsoleWorkflowIT.accounts(registry, PREFIX);
        registry.add("dispute.evidence.folder", () -> folder.resolve("evidence").toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    DisputeStore store;
    @Autowired
    EvidenceIntake evidence;
    @Autowired
    UnifiedJedis redis;

    private WebDriver browser;

    @BeforeEach
    void startChromium() {
        browser = Chromium.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        RedisTestSupport.deleteKeys(redis, PREFIX);
    }

    @Test
    void aFileAttachedInThePlaygroundIsALinkForTheOtherPartyAndListedInTheConsole() throws IOException {
        PlaygroundParty alice = new PlaygroundParty(port, "web:alice");
        alice.says("menu").presses("Dispute ORD-1001").presses("Delivered, not acceptable");
        Path pdf = Files.write(folder.resolve("chapter-4.pdf"), PDF);

        browser.get(url("/"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(b -> b.findElements(By.cssSelector("#panes .pane")).size() >= 2);
        List<WebElement> panes = browser.findElements(By.cssSelector("#panes .pane"));
        WebElement alicePane = panes.get(0);
        WebElement bobPane = panes.get(1);
        wait.until(b -> "web:alice".equals(alicePane.findElement(By.className("identity-picker")).getAttribute("value")));
        alicePane.findElement(By.className("message-input")).sendKeys("Chapters 4 and 5 were not edited at all");
        alicePane.findElement(By.className("file-input")).sendKeys(pdf.toString());

        wait.ignoring(StaleElementReferenceException.class).until(b -> alicePane.getText()
                .contains("Added chapter-4.pdf to the evidence"));
        WebElement link = wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(bobPane,
                By.cssSelector(".attachments a")));
        assertThat(link.getText()).isEqualTo("chapter-4.pdf (" + PDF.length + " B)");
        String href = link.getAttribute("href");
        assertThat(href).contains("as=web%3Abob");
        HttpResponse<byte[]> download = PlaygroundParty.call(HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create(href)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");

        alice.says("human");
        DisputeId id = store.openDisputesOf(new PersonId("alice")).get(0);
        EvidenceItem item = evidence.items(id).get(0);
        browser.get(url("/console/login"));
        browser.findElement(By.id("username")).sendKeys("maria");
        browser.findElement(By.id("password")).sendKeys(ConsoleWorkflowIT.PASSWORD);
        WebElement signIn = browser.findElement(By.id("sign-in"));
        signIn.click();
        wait.until(ExpectedConditions.stalenessOf(signIn));
        browser.get(url("/console/disputes/" + id.value()));
        WebElement listed = browser.findElement(By.cssSelector("#evidence .evidence-item"));
        assertThat(listed.getText()).contains("Alice").contains("chapter-4.pdf").contains("application/pdf")
                .contains(item.sha256().substring(0, 12));
        assertThat(listed.findElement(By.tagName("a")).getAttribute("href"))
                .endsWith("/console/disputes/" + id.value() + "/evidence/" + item.id());
    }

    private String url(String path) {
        // localhost, not 127.0.0.1: Chromium keeps Secure cookies on http only for localhost.
        return "http://localhost:" + port + path;
    }
}
