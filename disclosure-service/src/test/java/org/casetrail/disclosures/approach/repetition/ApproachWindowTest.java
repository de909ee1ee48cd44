package org.casetrail.disclosures.approach.repetition;

import org.casetrail.contracts.disclosures.CounterpartType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** domain.md: "three or more approaches from the same counterpart within 90 days" — its boundaries. */
class ApproachWindowTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate DAY_0 = LocalDate.of(2026, 1, 5);

    @Test
    void twoApproachesAreNotARunThreeAre() {
        List<ApproachWindow.Approach> all = new ArrayList<>(List.of(on("a", 0), on("b", 10)));
        assertThat(runOf(on("b", 10), all)).isEmpty();
        all.add(on("c", 20));
        assertThat(runOf(on("c", 20), all)).get().extracting(ApproachWindow.Run::approaches).isEqualTo(3);
    }

    @Test
    void theThirdOnDay90IsWithinTheWindowOnDay91ItIsNot() {
        ApproachWindow.Approach day90 = on("c", 90);
        Optional<ApproachWindow.Run> run = runOf(day90, List.of(on("a", 0), on("b", 45), day90));
        assertThat(run).isPresent();
        assertThat(run.get().firstOccurredAt()).isEqualTo(at(0));
        assertThat(run.get().lastOccurredAt()).isEqualTo(at(90));

        ApproachWindow.Approach day91 = on("c", 91);
        assertThat(runOf(day91, List.of(on("a", 0), on("b", 45), day91))).isEmpty();
    }

    @Test
    void daysAreTheSchoolsCalendarDays() {
        // 23:30 UTC on day 90 in summer time is already day 91 in London
        LocalDate summer = LocalDate.of(2026, 4, 1);
        ApproachWindow.Approach first = new ApproachWindow.Approach("a", summer.atTime(12, 0).atZone(LONDON).toInstant());
        ApproachWindow.Approach late = new ApproachWindow.Approach("c",
                summer.plusDays(90).atTime(23, 30).atZone(java.time.ZoneOffset.UTC).toInstant());
        ApproachWindow.Approach middle = new ApproachWindow.Approach("b", summer.plusDays(40).atTime(12, 0)
                .atZone(LONDON).toInstant());
        assertThat(ApproachWindow.runOf(late, List.of(first, middle, late), 3, 90, LONDON)).isEmpty();
    }

    @Test
    void aLateRecordedApproachCanCompleteARunAroundIt() {
        ApproachWindow.Approach backdated = on("b", 30);
        Optional<ApproachWindow.Run> run = runOf(backdated, List.of(on("a", 0), on("c", 80), on("d", 200), backdated));
        assertThat(run).get().extracting(ApproachWindow.Run::approaches).isEqualTo(3);
    }

    @Test
    void theLargestRunIsReported() {
        ApproachWindow.Approach latest = on("e", 60);
        assertThat(runOf(latest, List.of(on("a", 0), on("b", 10), on("c", 20), on("d", 30), latest)))
                .get().extracting(ApproachWindow.Run::approaches).isEqualTo(5);
    }

    @Test
    void theSameCounterpartIsMatchedByTypeAndNameWhateverTheCaseAccentsPunctuationAndSpacing() {
        assertThat(CounterpartKey.of("s", CounterpartType.STUDENT, "Zoë  O'Neill"))
                .isEqualTo(CounterpartKey.of("s", CounterpartType.STUDENT, " zoe oneill "));
        assertThat(CounterpartKey.of("s", CounterpartType.STUDENT, "Zoe O'Neill"))
                .isNotEqualTo(CounterpartKey.of("s", CounterpartType.PARENT, "Zoe O'Neill"))
                .isNotEqualTo(CounterpartKey.of("other-school", CounterpartType.STUDENT, "Zoe O'Neill"))
                .isNotEqualTo(CounterpartKey.of("s", CounterpartType.STUDENT, "Zoe O Neil"));
    }

    private static Optional<ApproachWindow.Run> runOf(ApproachWindow.Approach latest, List<ApproachWindow.Approach> all) {
        return ApproachWindow.runOf(latest, all, 3, 90, LONDON);
    }

    private static ApproachWindow.Approach on(String id, int day) {
        return new ApproachWindow.Approach(id, at(day));
    }

    private static Instant at(int day) {
        return DAY_0.plusDays(day).atTime(18, 0).atZone(LONDON).toInstant();
    }
}
