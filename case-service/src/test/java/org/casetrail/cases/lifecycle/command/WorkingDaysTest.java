package org.casetrail.cases.lifecycle.command;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingDaysTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 27);

    @Test
    void countsTheWorkingDaysAfterTheFirstUpToTheSecond() {
        assertThat(WorkingDays.after(MONDAY, MONDAY.plusDays(2))).isEqualTo(2);
        assertThat(WorkingDays.after(MONDAY, MONDAY)).isZero();
    }

    @Test
    void weekendsDoNotCountAsNoticeDays() {
        assertThat(WorkingDays.after(FRIDAY, FRIDAY.plusDays(3))).isEqualTo(1);
        assertThat(WorkingDays.after(FRIDAY, FRIDAY.plusDays(4))).isEqualTo(2);
    }
}
