package org.casetrail.cases.lifecycle.command;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Working days are Monday to Friday (domain.md); school holidays are not modelled yet. */
final class WorkingDays {

    private WorkingDays() {
    }

    /** The working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
    static int after(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                count++;
            }
        }
        return count;
    }
}
