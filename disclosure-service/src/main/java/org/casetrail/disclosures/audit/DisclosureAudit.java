package org.casetrail.disclosures.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.casetrail.contracts.Role;
import org.casetrail.disclosures.relationship.api.DisclosureView;
import org.casetrail.disclosures.relationship.api.FoldDisclosure;
import org.casetrail.disclosures.relationship.api.RelationshipDeclared;
import org.casetrail.platform.audit.AuditTrail;
import org.casetrail.platform.audit.ChainVerification;
import org.casetrail.platform.audit.RecordedEvent;
import org.casetrail.platform.audit.SchoolDigests;
import org.casetrail.platform.domain.NotFound;
import org.casetrail.platform.domain.StateConflict;
import org.casetrail.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A disclosure's audit, the same shape as a case's (api.md, "Audit"): its recorded history, its
 * chain's verification, its state at an instant and its place in a school digest. Only the school's AUDITOR and PRINCIPAL may read
 * it (api.md names no one else for disclosures), never the declarer (as a case's subject never reads
 * their case); to anyone else it does not exist (404).
 */
@Component
public class DisclosureAudit {

    private final AuditTrail trail;
    private final QueryGateway queries;
    private final SchoolDigests digests;

    DisclosureAudit(AuditTrail trail, QueryGateway queries, SchoolDigests digests) {
        this.trail = trail;
        this.queries = queries;
        this.digests = digests;
    }

    public List<RecordedEvent> history(String disclosureId, CurrentUser user, Set<Role> allowed) {
        List<RecordedEvent> recorded = trail.history(disclosureId);
        if (!mayAudit(recorded, user, allowed)) {
            throw new NotFound("disclosure " + disclosureId);
        }
        return recorded;
    }

    public ChainVerification verify(String disclosureId, CurrentUser user, Set<Role> allowed) {
        history(disclosureId, user, allowed);
        return trail.verify(disclosureId);
    }

    public PointInTime stateAsOf(String disclosureId, Instant asOf, CurrentUser user, Set<Role> allowed) {
        history(disclosureId, user, allowed);
        List<DomainEventMessage<?>> upTo;
        try {
            upTo = trail.eventsUpTo(disclosureId, asOf);
        } catch (IllegalStateException e) {
            throw new StateConflict("HISTORY_INCOMPLETE", "the disclosure's stored events cannot be read in full; "
                    + "its verification names where the chain is broken");
        }
        Optional<DisclosureView> state = upTo.isEmpty() ? Optional.empty()
                : queries.query(new FoldDisclosure(disclosureId, upTo), ResponseTypes.optionalInstanceOf(DisclosureView.class))
                .join();
        Long lastSequence = upTo.isEmpty() ? null : upTo.get(upTo.size() - 1).getSequenceNumber();
        return new PointInTime(disclosureId, asOf, upTo.size(), lastSequence, state.orElse(null));
    }

    /**
     * The proof of the disclosure against a digest of the caller's school recorded by this service: the
     * given one, or the latest; empty when that digest does not cover it (or does not exist).
     */
    public Optional<SchoolDigests.Proof> digestProof(String disclosureId, String digestId, CurrentUser user,
                                                     Set<Role> allowed) {
        history(disclosureId, user, allowed);
        Optional<SchoolDigests.Digest> digest = digestId == null ? digests.latest(user.schoolId())
                : digests.find(digestId).filter(d -> d.schoolId().equals(user.schoolId()));
        return digest.flatMap(d -> digests.proof(d, disclosureId));
    }

    /** The disclosure's state at an instant; {@code state} is null before it was declared. */
    public record PointInTime(String disclosureId, Instant asOf, int eventsApplied, Long lastSequence,
                              DisclosureView state) {
    }

    static boolean mayAudit(List<RecordedEvent> events, CurrentUser user, Set<Role> allowed) {
        String school = null;
        String declarer = null;
        for (RecordedEvent event : events) {
            JsonNode payload = event.payload();
            if (payload != null && payload.isObject() && RelationshipDeclared.class.getName().equals(event.payloadType())) {
                school = payload.path("schoolId").asText(null);
                declarer = payload.path("declarerId").asText(null);
            }
        }
        return school != null && school.equals(user.schoolId()) && user.userId() != null
                && !user.userId().equals(declarer) && user.roles().stream().anyMatch(allowed::contains);
    }
}
