package com.disputeassistant.app;

import com.disputeassistant.slack.SlackConfiguration;
import com.disputeassistant.telegram.TelegramConfiguration;
import com.disputeassistant.web.WebAdapterConfiguration;
import com.disputeassistant.web.console.HashPassword;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Starts Dispute Assistant. Component scanning covers only this package and its feature
 * sub-packages; the channels come in through their adapters' own configuration classes.
 */
@SpringBootApplication
@Import({WebAdapterConfiguration.class, SlackConfiguration.class, TelegramConfiguration.class})
public class DisputeAssistantApplication {

    public static void main(String[] args) {
        if (args.length > 0 && HashPassword.COMMAND.equals(args[0])) {
            // A small command beside the app: prints a console password's hash, starts nothing.
            System.exit(HashPassword.run(System.out, System.err));
        }
        SpringApplication.run(DisputeAssistantApplication.class, args);
    }

    /** Deadlines, timelines and stored times are UTC, whatever the server's time zone. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
