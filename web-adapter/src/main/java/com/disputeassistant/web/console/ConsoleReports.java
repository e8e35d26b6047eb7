package com.disputeassistant.web.console;

import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.Step;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Supervisors' reports on the open disputes, as bar charts (plain HTML, no script): open disputes by
 * step, the hand-offs waiting and how long each has waited, and extensions per dispute. Only supervisors
 * reach it (the console's security chain).
 */
@Controller
class ConsoleReports {
    private final StaffDirectory directory;
    private final ConsoleDisputes disputes;
    private final ConversationEngine engine;
    private final Clock clock;
    private final MessageSource texts;

    ConsoleReports(StaffDirectory directory, ConsoleDisputes disputes, ConversationEngine engine,
                   ObjectProvider<Clock> clock, MessageSource texts) {
        this.texts = texts;
        this.directory = directory;
        this.disputes = disputes;
        this.engine = engine;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** One bar: what it counts, how many (and that as people read it), and its length in percent of the longest. */
    record Bar(String label, long value, String shown, int percent) {
        Bar(String label, long value) {
            this(label, value, Long.toString(value), 0);
        }
    }

    @GetMapping("/console/reports")
    String reports(Principal principal, Model model) {
        List<Dispute> open = disputes.open();
        Map<Step, Long> byStep = new EnumMap<>(Step.class);
        Map<Integer, Long> byExtensions = new TreeMap<>();
        for (Dispute dispute : open) {
            byStep.merge(dispute.step(), 1L, Long::sum);
            byExtensions.merge(dispute.extensions().size(), 1L, Long::sum);
        }
        List<Bar> steps = new ArrayList<>();
        byStep.forEach((step, count) -> steps.add(new Bar(engine.stepName(step, ConsoleTexts.requestLanguage()), count)));
        List<Bar> extensions = new ArrayList<>();
        byExtensions.forEach((count, disputesWithIt) -> extensions.add(new Bar(
                texts.getMessage("reports.extensions.label", new Object[]{count}, LocaleContextHolder.getLocale()),
                disputesWithIt)));
        List<Bar> waiting = disputes.queue().stream()
                .map(d -> {
                    Duration waited = Duration.between(ConsoleDisputes.waitingSince(d), clock.instant());
                    return new Bar(d.id().value() + " " + d.order().id().value(), waited.toMillis(),
                            ConsoleTexts.waited(texts, waited), 0);
                })
                .toList();

        model.addAttribute("member", directory.find(principal.getName()).orElseThrow());
        model.addAttribute("openCount", open.size());
        model.addAttribute("steps", scaled(steps));
        model.addAttribute("waiting", scaled(waiting));
        model.addAttribute("extensions", scaled(extensions));
        return "console/reports";
    }


    /** The bars with their lengths, the longest at 100%. */
    static List<Bar> scaled(List<Bar> bars) {
        long max = bars.stream().mapToLong(Bar::value).max().orElse(0);
        return bars.stream()
                .map(bar -> new Bar(bar.label(), bar.value(), bar.shown(),
                        max == 0 ? 0 : (int) Math.max(1, bar.value() * 100 / max)))
                .toList();
    }
}
