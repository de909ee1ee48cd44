package org.casetrail.disclosures.relationship.api;

import java.time.LocalDate;
import java.time.Period;

/** Ages on the school's calendar day, shared by the decision table and the 18th-birthday deadline. */
public final class CounterpartAges {

    public static final int AGE_OF_MAJORITY = 18;

    private CounterpartAges() {
    }

    /** Whole years completed on {@code day}: 18 on the 18th birthday itself, 17 the day before. */
    public static int ageOn(LocalDate dateOfBirth, LocalDate day) {
        return Period.between(dateOfBirth, day).getYears();
    }

    /**
     * The first day on which someone born on {@code dateOfBirth} is 18 by {@link #ageOn}: the 18th
     * birthday; for a 29 February birthday in a year without one, 1 March (the anniversary is the day
     * after 28 February, as in the law of England and Wales, and as {@link Period} counts).
     */
    public static LocalDate turns18On(LocalDate dateOfBirth) {
        LocalDate anniversary = dateOfBirth.plusYears(AGE_OF_MAJORITY);
        return ageOn(dateOfBirth, anniversary) < AGE_OF_MAJORITY ? anniversary.plusDays(1) : anniversary;
    }
}
