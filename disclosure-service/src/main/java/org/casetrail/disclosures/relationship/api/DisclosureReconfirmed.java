package org.casetrail.disclosures.relationship.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/** The declarer re-confirmed the disclosure on {@code reconfirmedOn}; the next year runs to {@code nextDueOn}. */
@Revision("1")
public record DisclosureReconfirmed(
        String disclosureId,
        String schoolId,
        String declarerId,
        int version,
        LocalDate reconfirmedOn,
        LocalDate nextDueOn,
        Instant reconfirmedAt) {

    /** domain.md: disclosures are re-confirmed yearly; a declaration, amendment or re-confirmation starts the year. */
    public static final Period PERIOD = Period.ofYears(1);
}
