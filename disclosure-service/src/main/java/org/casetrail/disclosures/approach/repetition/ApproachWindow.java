package org.casetrail.disclosures.approach.repetition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether an approach completes a run: at least {@code threshold} approaches from one counterpart
 * whose first and last lie at most {@code windowDays} school days apart (the first on day 0, one on
 * day 90 is within 90 days, one on day 91 is not), the new approach among them. Of the runs that
 * contain it, the largest is reported. Pure: the caller gives every approach known so far.
 */
final class ApproachWindow {

    private ApproachWindow() {
    }

    record Approach(String approachId, Instant occurredAt) {
    }

    record Run(int approaches, Instant firstOccurredAt, Instant lastOccurredAt) {
    }

    static Optional<Run> runOf(Approach latest, List<Approach> all, int threshold, int windowDays, ZoneId zone) {
        List<Approach> sorted = all.stream().sorted(Comparator.comparing(Approach::occurredAt)).toList();
        LocalDate day = day(latest.occurredAt(), zone);
        Run best = null;
        for (Approach start : sorted) {
            LocalDate from = day(start.occurredAt(), zone);
            if (from.isAfter(day) || ChronoUnit.DAYS.between(from, day) > windowDays) {
                continue; // a run starting here cannot contain the latest approach
            }
            LocalDate to = from.plusDays(windowDays);
            List<Approach> inRun = sorted.stream()
                    .filter(a -> !day(a.occurredAt(), zone).isBefore(from) && !day(a.occurredAt(), zone).isAfter(to))
                    .toList();
            if (best == null || inRun.size() > best.approaches()) {
                best = new Run(inRun.size(), inRun.get(0).occurredAt(), inRun.get(inRun.size() - 1).occurredAt());
            }
        }
        return best != null && best.approaches() >= threshold ? Optional.of(best) : Optional.empty();
    }

    private static LocalDate day(Instant instant, ZoneId zone) {
        return LocalDate.ofInstant(instant, zone);
    }
}
