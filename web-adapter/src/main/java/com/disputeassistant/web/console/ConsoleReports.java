package com.disputeassistant.web.console;

import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.Step;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import com.disputeassistant.dispute.OutcomeType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Locale;
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
 * Supervisors' reports, as charts drawn on the server (HTML bars and inline SVG, no script, nothing
 * downloaded): open disputes by step, the hand-offs waiting and how long each has waited, extensions per
 * dispute, and, from the index of closed disputes, the outcomes per week and the time to resolution
 * (median and 90th percentile) over the last {@value #WEEKS} weeks. Only supervisors reach it (the
 * console's security chain).
 */
@Controller
class ConsoleReports {
    /** How many weeks of closed disputes the reports show, this one included. */
    static final int WEEKS = 8;
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

    /** A part of a stacked bar, in percent of the chart's width; {@code kind} picks its colour. */
    record Segment(String label, String kind, double x, double width) {
    }

    /** One week's row: its label, the parts (outcomes, or median and 90th percentile), and what it says. */
    record WeekRow(String label, List<Segment> segments, String shown) {
    }

    /** A colour of the chart and what it stands for. */
    record Legend(String kind, String label) {
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
        closed(model);
        return "console/reports";
    }

    /** Outcomes per week and time to resolution, from the disputes closed in the last {@link #WEEKS} weeks. */
    private void closed(Model model) {
        LocalDate first = ClosedReport.firstMonday(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), WEEKS);
        List<ClosedReport.Week> weeks = ClosedReport.weeks(
                disputes.closedSince(first.atStartOfDay(ZoneOffset.UTC).toInstant()), first, WEEKS);
        Locale locale = LocaleContextHolder.getLocale();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);

        long mostClosed = weeks.stream().mapToLong(ClosedReport.Week::closed).max().orElse(0);
        List<WeekRow> outcomes = new ArrayList<>();
        for (ClosedReport.Week week : weeks) {
            List<Segment> segments = new ArrayList<>();
            double x = 0;
            for (Map.Entry<OutcomeType, Long> outcome : week.outcomes().entrySet()) {
                double width = mostClosed == 0 ? 0 : 100.0 * outcome.getValue() / mostClosed;
                segments.add(new Segment(text("outcome." + outcome.getKey()) + ": " + outcome.getValue(),
                        outcome.getKey().name(), x, width));
                x += width;
            }
            outcomes.add(new WeekRow(text("reports.week", dates.format(week.monday())), segments,
                    Long.toString(week.closed())));
        }
        List<Duration> all = ClosedReport.allTimes(weeks);
        long longest = weeks.stream().flatMap(week -> week.ninetieth().stream()).mapToLong(Duration::toMinutes).max().orElse(0);
        List<WeekRow> times = new ArrayList<>();
        for (ClosedReport.Week week : weeks) {
            List<Segment> segments = new ArrayList<>();
            String shown = text("reports.resolution.none");
            if (week.median().isPresent()) {
                Duration median = week.median().get();
                Duration ninetieth = week.ninetieth().orElseThrow();
                segments.add(new Segment(text("reports.resolution.median") + ": " + ConsoleTexts.span(texts, median),
                        "median", 0, share(median, longest)));
                segments.add(new Segment(text("reports.resolution.ninetieth") + ": " + ConsoleTexts.span(texts, ninetieth),
                        "p90", 0, share(ninetieth, longest)));
                shown = text("reports.resolution.row", ConsoleTexts.span(texts, median), ConsoleTexts.span(texts, ninetieth));
            }
            times.add(new WeekRow(text("reports.week", dates.format(week.monday())), segments, shown));
        }
        model.addAttribute("weeks", WEEKS);
        model.addAttribute("closedCount", all.size());
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("outcomeLegend", java.util.Arrays.stream(OutcomeType.values())
                .map(type -> new Legend(type.name(), text("outcome." + type))).toList());
        model.addAttribute("resolution", times);
        model.addAttribute("resolutionSummary", all.isEmpty() ? null : text("reports.resolution.summary", all.size(),
                ConsoleTexts.span(texts, ClosedReport.percentile(all, 50).orElseThrow()),
                ConsoleTexts.span(texts, ClosedReport.percentile(all, 90).orElseThrow())));
    }

    private static double share(Duration duration, long longestMinutes) {
        return longestMinutes == 0 ? 100 : Math.max(1, 100.0 * duration.toMinutes() / longestMinutes);
    }

    private String text(String key, Object... args) {
        return texts.getMessage(key, args, LocaleContextHolder.getLocale());
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
