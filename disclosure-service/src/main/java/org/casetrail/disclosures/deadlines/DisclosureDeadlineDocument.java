package org.casetrail.disclosures.deadlines;

import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One clock of one disclosure, in {@code disclosure_deadlines}. The id names what it is for
 * ({@code disclosureId:kind:version} for the 18th birthday, {@code disclosureId:kind:dueOn[:reminder]}
 * for re-confirmation), so a replay writes the same document again and never a second one.
 *
 * @param version  the disclosure version whose counterpart turns 18 (0 for re-confirmation clocks)
 * @param day      the school's day the clock is about: the 18th birthday, or the re-confirmation due day
 * @param reminder the reminder's number for that due day (0 for the other kinds)
 */
record DisclosureDeadlineDocument(@Id String id, String disclosureId, String schoolId, DisclosureDeadlineKind kind,
                                  int version, LocalDate day, int reminder, Instant dueAt,
                                  DisclosureDeadlineState state) {

    static String turns18Id(String disclosureId, int version) {
        return disclosureId + ":" + DisclosureDeadlineKind.COUNTERPART_TURNS_18 + ":" + version;
    }

    static String reminderId(String disclosureId, LocalDate dueOn, int reminder) {
        return disclosureId + ":" + DisclosureDeadlineKind.RECONFIRMATION_REMINDER + ":" + dueOn + ":" + reminder;
    }

    static String overdueId(String disclosureId, LocalDate dueOn) {
        return disclosureId + ":" + DisclosureDeadlineKind.RECONFIRMATION_OVERDUE + ":" + dueOn;
    }
}
