package com.disputeassistant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.TaskScope;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.StoredDispute;
import com.disputeassistant.testing.RedisTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
        browser.findElement(By.id("username")).sendKeys("maria");
        browser.findElement(By.id("password")).sendKeys(ConsoleWorkflowIT.PASSWORD);
        submit(browser.findElement(By.id("sign-in")));
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("Signed in as maria (mediator)");

        submit(browser.findElement(By.id("queue-" + id.value())).findElement(By.className("claim")));
        assertThat(browser.getCurrentUrl()).endsWith("/console/disputes/" + id.value());
        assertThat(browser.findElement(By.id("holder")).getText()).isEqualTo("Held by Maria Lopez");

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
    }

    @Test
    void aSupervisorSeesTheReportsWithData() {
        PlaygroundParty.handToAMediator(new PlaygroundParty(port, "web:alice"), new PlaygroundParty(port, "web:bob"));
        DisputeId id = store.mediatorQueue().get(0);

        browser.get(url("/console/login"));
        browser.findElement(By.id("username")).sendKeys("sam");
        browser.findElement(By.id("password")).sendKeys(ConsoleWorkflowIT.PASSWORD);
        submit(browser.findElement(By.id("sign-in")));
        submit(browser.findElement(By.id("reports-link")));

        assertThat(browser.findElement(By.id("open-count")).getText()).isEqualTo("Open disputes: 1");
        WebElement waiting = browser.findElement(By.id("waiting"));
        assertThat(waiting.getText()).contains(id.value() + " ORD-1001");
        // A bar a person sees: drawn, as wide as the chart allows for the longest.
        WebElement bar = waiting.findElement(By.className("bar-fill"));
        assertThat(bar.getSize().getWidth()).isPositive();
        assertThat(browser.findElement(By.id("by-step")).getText()).contains("with a mediator");
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
