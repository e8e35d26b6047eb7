package com.disputeassistant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Outcome;
import com.disputeassistant.dispute.OutcomeType;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TaskScope;
import com.disputeassistant.language.Language;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.store.Change;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.StoredDispute;
import com.disputeassistant.testing.RedisTestSupport;
import com.disputeassistant.testing.TestDisputes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;

/**
 * The console in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; nothing is
 * downloaded): a local mediator signs in, claims a dispute that two parties handed over through the
 * engine, writes to one party, rules a task out, sees the refund computed as she types a fee, decides it,
 * and sees the dispute closed with payout + refund = paid; a supervisor sees the reports as bars. Skipped,
 * with the reason, where Chromium is
 * not installed ({@code .ci/run} installs it).
 */
@SpringBootTest(classes = DisputeAssistantApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
// A fresh application for each test: the marketplace lives in Redis and is loaded at start, and each test
// deletes what it wrote (the marketplace included) so that the next can open a dispute on the same order.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ConsoleBrowserIT {
    private static final String PREFIX = RedisTestSupport.uniquePrefix();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ConsoleWorkflowIT.accounts(registry, PREFIX);
    }

    @LocalServerPort
    int port;
    @Autowired
    DisputeStore store;
    @Autowired
    UnifiedJedis redis;
    @Autowired
    ConversationEngine engine;

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
    void aMediatorSignsInClaimsWritesRulesATaskOutAndDecidesAFee() {
        PlaygroundParty alice = new PlaygroundParty(port, "web:alice");
        PlaygroundParty bob = new PlaygroundParty(port, "web:bob");
        PlaygroundParty.handToAMediator(alice, bob);
        DisputeId id = store.mediatorQueue().get(0);

        // Not signed in: the console sends the browser to its sign-in page.
        browser.get(url("/console"));
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
        shot("1-login");
        browser.findElement(By.id("username")).sendKeys("maria");
        browser.findElement(By.id("password")).sendKeys(ConsoleWorkflowIT.PASSWORD);
        submit(browser.findElement(By.id("sign-in")));
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("Signed in as maria (mediator)");

        shot("2-queue");
        submit(browser.findElement(By.id("queue-" + id.value())).findElement(By.className("claim")));
        assertThat(browser.getCurrentUrl()).endsWith("/console/disputes/" + id.value());
        assertThat(browser.findElement(By.id("holder")).getText()).isEqualTo("Held by Maria Lopez");

        // Who is on which channel: the parties wrote through the playground, the mediator is on the console.
        assertThat(browser.findElement(By.id("channels")).getText())
                .contains("Alice").contains("the client").contains("the web page").contains("Maria Lopez");
        // Hand back only at a step the dispute can resume at, chosen from a list; the one it came from first.
        Select handBack = new Select(browser.findElement(By.id("handback-step")));
        Dispute claimed = dispute(id);
        assertThat(handBack.getOptions()).extracting(WebElement::getText).first()
                .isEqualTo(engine.stepName(claimed.resumeStep().orElseThrow(), Language.DEFAULT));

        // A party writes while the page is open: the message appears on it without a reload.
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
        alice.says("I have just sent chapters 4 and 5 again, as I received them.");
        // The part is swapped while the wait reads it: a stale element is read again.
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(b -> b.findElement(By.id("transcript")).getText()
                .contains("I have just sent chapters 4 and 5 again"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(browser.findElement(By.id("live")).isDisplayed()).isTrue();
        shot("3-dispute");

        new Select(browser.findElement(By.id("compose-to"))).selectByValue("client");
        browser.findElement(By.id("compose-text")).sendKeys("Alice, please send me chapters 4 and 5 as you received them.");
        submit(browser.findElement(By.id("compose-send")));
        assertThat(alice.texts()).anyMatch(text -> text.contains("please send me chapters 4 and 5"));
        assertThat(bob.texts()).noneMatch(text -> text.contains("please send me chapters 4 and 5"));

        submit(browser.findElement(By.id("out-1")));
        assertThat(dispute(id).task(1).orElseThrow().scope()).isEqualTo(TaskScope.EXCLUDED);

        browser.findElement(By.id("fee-amount")).sendKeys("300");
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(b -> !b.findElement(By.id("fee-refund")).getText().isEmpty());
        assertThat(browser.findElement(By.id("fee-refund")).getText()).isEqualTo("Refund to the client: 900.00 EUR");
        submit(browser.findElement(By.id("fee-submit")));

        assertThat(browser.findElement(By.id("outcome")).getText())
                .isEqualTo("Outcome: decided by a mediator. Payout 300.00 EUR, refund 900.00 EUR.");
        assertThat(browser.findElement(By.id("task-1")).getText()).contains("ruled outside the terms");
        Dispute closed = dispute(id);
        assertThat(closed.isClosed()).isTrue();
        Money payout = closed.outcome().orElseThrow().payout();
        assertThat(payout.plus(closed.outcome().orElseThrow().refund())).isEqualTo(closed.paid());
        shot("4-dispute-closed");
    }

    @Test
    void aSupervisorSeesTheQueueUpdateFiltersTheListsAndSeesTheReportsWithData() {
        Instant now = Instant.now();
        closedEarlier(now.minus(Duration.ofDays(3)), now.minus(Duration.ofHours(1)), OutcomeType.SETTLED);
        closedEarlier(now.minus(Duration.ofDays(1)), now.minus(Duration.ofMinutes(30)), OutcomeType.WITHDRAWN);

        browser.get(url("/console/login"));
        browser.findElement(By.id("username")).sendKeys("sam");
        browser.findElement(By.id("password")).sendKeys(ConsoleWorkflowIT.PASSWORD);
        submit(browser.findElement(By.id("sign-in")));

        // The start page is open when two parties hand a dispute over: it appears in the queue without a reload.
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
        PlaygroundParty.handToAMediator(new PlaygroundParty(port, "web:alice"), new PlaygroundParty(port, "web:bob"));
        DisputeId id = store.mediatorQueue().get(0);
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("queue-" + id.value())));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;")).isEqualTo(true);

        // All open disputes, filtered by step, age and channel.
        new Select(browser.findElement(By.id("filter-step"))).selectByValue("mediation");
        submit(browser.findElement(By.id("filter-apply")));
        assertThat(browser.findElements(By.id("all-" + id.value()))).hasSize(1);
        new Select(browser.findElement(By.id("filter-channel"))).selectByValue("web");
        submit(browser.findElement(By.id("filter-apply")));
        assertThat(browser.findElements(By.id("all-" + id.value()))).hasSize(1);
        shot("5-filtered");
        new Select(browser.findElement(By.id("filter-channel"))).selectByValue("slack");
        submit(browser.findElement(By.id("filter-apply")));
        assertThat(browser.findElements(By.id("all-" + id.value()))).isEmpty();
        assertThat(browser.findElement(By.id("all")).getText()).contains("No open dispute matches these filters.");
        new Select(browser.findElement(By.id("filter-channel"))).selectByValue("");
        new Select(browser.findElement(By.id("filter-age"))).selectByValue("1");
        submit(browser.findElement(By.id("filter-apply")));
        assertThat(browser.findElements(By.id("all-" + id.value()))).as("opened just now, not a day ago").isEmpty();

        submit(browser.findElement(By.id("reports-link")));

        assertThat(browser.findElement(By.id("open-count")).getText()).isEqualTo("Open disputes: 1");
        WebElement waiting = browser.findElement(By.id("waiting"));
        assertThat(waiting.getText()).contains(id.value() + " ORD-1001");
        // A bar a person sees: drawn, as wide as the chart allows for the longest.
        WebElement bar = waiting.findElement(By.className("bar-fill"));
        assertThat(bar.getSize().getWidth()).isPositive();
        assertThat(browser.findElement(By.id("by-step")).getText()).contains("with a mediator");
        // The closed disputes of the last weeks: outcomes per week, and time to resolution.
        WebElement outcomes = browser.findElement(By.id("outcomes"));
        assertThat(outcomes.findElements(By.cssSelector("rect.o-SETTLED")).get(0).getSize().getWidth()).isPositive();
        assertThat(outcomes.findElements(By.cssSelector("rect.o-WITHDRAWN")).get(0).getSize().getWidth()).isPositive();
        assertThat(outcomes.getText()).contains("settled with a fair fee").contains("withdrawn");
        assertThat(browser.findElement(By.id("resolution-summary")).getText())
                .isEqualTo("In these weeks 2 disputes closed: half of them within 23 h, nine in ten within 2 d 23 h.");
        assertThat(browser.findElement(By.id("resolution")).findElements(By.cssSelector("rect.p90")).get(0)
                .getSize().getWidth()).isPositive();
        shot("6-reports");
    }

    /** A dispute opened and closed at these times, written straight into the store as the engine would. */
    private void closedEarlier(Instant opened, Instant closedAt, OutcomeType type) {
        Dispute dispute = Dispute.open(DisputeId.random(), TestDisputes.order(), TestDisputes.CLIENT, opened);
        store.commit(new Change(dispute, 0, List.of(), List.of(), null));
        dispute.moveTo(Step.CLOSED, null, List.of());
        dispute.close(type.carriesMoney()
                ? Outcome.withFee(dispute.id(), type, Money.of("100.00", "EUR"), dispute.paid(), closedAt, "web:sam")
                : Outcome.withoutMoney(dispute.id(), type, closedAt, "web:alice"));
        store.commit(new Change(dispute, 1, List.of(), List.of(), null));
    }

    /** A picture of the page as it is now, for people to look at: target/console-screenshots/NAME.png. */
    private void shot(String name) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "console-screenshots"));
            Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Presses a form's button and waits for the page the server answers with. */
    private void submit(WebElement button) {
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(button));
    }

    private Dispute dispute(DisputeId id) {
        return store.load(id).map(StoredDispute::dispute).orElseThrow();
    }

    /** The first of these programs on the PATH (Debian: /usr/bin/chromium, /usr/bin/chromedriver). */
    private String url(String path) {
        // localhost, not 127.0.0.1: Chromium keeps Secure cookies on http only for localhost.
        return "http://localhost:" + port + path;
    }
}
