package org.casetrail.bench;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A small event-sourced aggregate shaped like casetrail's {@code Case}: opened by a concern report,
 * then one event per command. The benchmark's command loads it (all its events) and appends one.
 */
public class BenchCase {

    /** Opens a case; the payload is about the size of {@code ConcernReported}. */
    public record CaseOpened(String caseId, String schoolId, String reference, String reporterId, String category,
                             String summary, String details, Instant occurredAt, String platform, boolean safeguarding,
                             Instant submittedAt) {
    }

    public record NoteAdded(String caseId, String authorId, String role, String text, int number, Instant at) {
    }

    public record AddNote(@TargetAggregateIdentifier String caseId, String authorId, String text) {
    }

    @AggregateIdentifier
    private String caseId;
    private int notes;
    private boolean safeguarding;

    BenchCase() {
        // for event sourcing
    }

    @CommandHandler
    void handle(AddNote command) {
        if (command.text() == null || command.text().isBlank()) {
            throw new IllegalArgumentException("a note needs text");
        }
        apply(new NoteAdded(caseId, command.authorId(), safeguarding ? "DSL" : "HR", command.text(), notes + 1,
                Instant.now()));
    }

    @EventSourcingHandler
    void on(CaseOpened event) {
        caseId = event.caseId();
        safeguarding = event.safeguarding();
    }

    @EventSourcingHandler
    void on(NoteAdded event) {
        notes = event.number();
    }

    static CaseOpened opened(String caseId, long k) {
        Instant at = Instant.parse("2024-09-02T08:00:00Z").plusSeconds(k * 37);
        return new CaseOpened(caseId, "school-" + (k % 40), "CT-2024-" + String.format("%06d", k), "staff-" + (k % 900),
                k % 3 == 0 ? "SAFEGUARDING" : "STAFF_CONDUCT",
                "Concern about a post on a staff member's public social media account",
                "A parent forwarded a screenshot of a public post by a member of staff that names a pupil and "
                        + "comments on their behaviour in class. The post was visible for about two days.",
                at.minusSeconds(86_400), "INSTAGRAM", k % 3 == 0, at);
    }

    static NoteAdded note(String caseId, long k, int number) {
        return new NoteAdded(caseId, "staff-" + ((k + number) % 900), number % 2 == 0 ? "HR" : "DSL",
                "Spoke to the member of staff; the post has been removed and the account set to private. Next step: "
                        + "written statement by Friday.", number,
                Instant.parse("2024-09-02T08:00:00Z").plusSeconds(k * 37 + number * 3600L));
    }
}
