package org.casetrail.cases.lifecycle.command;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Working days are Monday to Friday (domain.md); school holidays are not modelled yet. Public
 * because the deadlines count in the same working days as the aggregate's rules.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    /** The working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
    static int after(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The same local time on the day that is {@code workingDays} working days after {@code from}'s
     * day in {@code zone}: reported on Friday 10:00, two working days are up on Tuesday 10:00.
     */
    public static Instant plus(Instant from, int workingDays, ZoneId zone) {
        ZonedDateTime start = from.atZone(zone);
        LocalDate day = start.toLocalDate();
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return ZonedDateTime.of(day, start.toLocalTime(), zone).toInstant();
    }

    private static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
