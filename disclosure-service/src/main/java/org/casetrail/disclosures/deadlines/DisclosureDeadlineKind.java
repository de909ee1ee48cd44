package org.casetrail.disclosures.deadlines;

/** The clocks of a disclosure (domain.md, "Disclosures"). */
enum DisclosureDeadlineKind {
    /** A student or ex-student counterpart turns 18: the rules decide again that day. */
    COUNTERPART_TURNS_18,
    /** A reminder, some days before the yearly re-confirmation is due. */
    RECONFIRMATION_REMINDER,
    /** The day after the re-confirmation was due: reported to the Principal if still unconfirmed. */
    RECONFIRMATION_OVERDUE
}
