package org.casetrail.cases.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.casetrail.cases.lifecycle.api.AppealLodged;
import org.casetrail.cases.lifecycle.api.CaseAccess;
import org.casetrail.cases.lifecycle.api.CaseDetailView;
import org.casetrail.cases.lifecycle.api.ConcernReported;
import org.casetrail.cases.lifecycle.api.FoldCaseDetail;
import org.casetrail.cases.lifecycle.api.HearingScheduled;
import org.casetrail.cases.lifecycle.api.InvestigatorAssigned;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.platform.audit.AuditTrail;
import org.casetrail.platform.audit.ChainVerification;
import org.casetrail.platform.audit.RecordedEvent;
import org.casetrail.platform.audit.SchoolDigests;
import org.casetrail.platform.domain.NotFound;
import org.casetrail.platform.domain.StateConflict;
import com.fasterxml.jackson.databind.JsonNode;
import org.casetrail.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A case's audit (api.md, "Audit"): its recorded history, its chain's verification, its state at an
 * instant, its place in a school digest. Each read first decides, from the case's own events, whether
 * the caller may see the case at all, with the rule of the case detail: another school's case, and
 * one's own case as its subject, do not exist (404). An AUDITOR sees every case of their school; a
 * PRINCIPAL or HR only what {@link CaseAccess} lets them see.
 */
@Component
public class CaseAudit {

    private final AuditTrail trail;
    private final QueryGateway queries;
    private final SchoolDigests digests;

    CaseAudit(AuditTrail trail, QueryGateway queries, SchoolDigests digests) {
        this.trail = trail;
        this.queries = queries;
        this.digests = digests;
    }

    /**
     * The case's history as recorded, if the caller, in one of the {@code allowed} roles, may audit
     * it; else 404. Read from the stored documents, not through the aggregate's classes, so that a
     * tampered store still answers (verification then names the damage).
     */
    List<RecordedEvent> recordedFor(String caseId, CurrentUser user, Set<Role> allowed) {
        List<RecordedEvent> recorded = trail.history(caseId);
        if (!mayAudit(recorded, user, allowed)) {
            throw new NotFound("case " + caseId);
        }
        return recorded;
    }

    public List<RecordedEvent> history(String caseId, CurrentUser user, Set<Role> allowed) {
        return recordedFor(caseId, user, allowed);
    }

    public ChainVerification verify(String caseId, CurrentUser user, Set<Role> allowed) {
        recordedFor(caseId, user, allowed);
        return trail.verify(caseId);
    }

    /** The case as its events up to {@code asOf} leave it, folded by the case-detail projection. */
    public PointInTime stateAsOf(String caseId, Instant asOf, CurrentUser user, Set<Role> allowed) {
        recordedFor(caseId, user, allowed);
        List<DomainEventMessage<?>> upTo;
        try {
            upTo = trail.eventsUpTo(caseId, asOf);
        } catch (IllegalStateException e) {
            throw new StateConflict("HISTORY_INCOMPLETE", "the case's stored events cannot be read in full; "
                    + "its verification names where the chain is broken");
        }
        Optional<CaseDetailView> state = upTo.isEmpty() ? Optional.empty()
                : queries.query(new FoldCaseDetail(caseId, upTo), ResponseTypes.optionalInstanceOf(CaseDetailView.class))
                .join();
        Long lastSequence = upTo.isEmpty() ? null : upTo.get(upTo.size() - 1).getSequenceNumber();
        return new PointInTime(caseId, asOf, upTo.size(), lastSequence, state.orElse(null));
    }

    /** The proof of the case against a digest of the caller's school: the given one, or the latest. */
    public Optional<SchoolDigests.Proof> digestProof(String caseId, String digestId, CurrentUser user, Set<Role> allowed) {
        recordedFor(caseId, user, allowed);
        Optional<SchoolDigests.Digest> digest = digestId == null ? digests.latest(user.schoolId())
                : digests.find(digestId).filter(d -> d.schoolId().equals(user.schoolId()));
        return digest.flatMap(d -> digests.proof(d, caseId));
    }

    /** The case's state at an instant; {@code state} is null before the case existed. */
    public record PointInTime(String caseId, Instant asOf, int eventsApplied, Long lastSequence, CaseDetailView state) {
    }

    /** Who is named in the case and where it belongs, from its recorded events (the rule the read model applies). */
    static boolean mayAudit(List<RecordedEvent> events, CurrentUser user, Set<Role> allowed) {
        String school = null;
        CaseCategory category = null;
        boolean safeguarding = false;
        String subject = null;
        List<String> named = new ArrayList<>();
        for (RecordedEvent event : events) {
            JsonNode payload = event.payload();
            if (payload == null || !payload.isObject()) {
                continue;
            }
            if (ConcernReported.class.getName().equals(event.payloadType())) {
                school = text(payload, "schoolId");
                String categoryName = text(payload, "category");
                category = categoryName == null ? null : enumOrNull(categoryName);
                safeguarding = payload.path("safeguarding").asBoolean(false);
                subject = text(payload.path("subject"), "userId");
            } else if (InvestigatorAssigned.class.getName().equals(event.payloadType())) {
                named.add(text(payload, "investigatorId"));
            } else if (HearingScheduled.class.getName().equals(event.payloadType())) {
                named.add(text(payload, "decisionMakerId"));
            } else if (AppealLodged.class.getName().equals(event.payloadType())) {
                named.add(text(payload, "appealDeciderId"));
            }
        }
        if (school == null || !school.equals(user.schoolId()) || user.userId() == null
                || user.userId().equals(subject)) {
            return false;
        }
        Set<Role> acting = EnumSet.noneOf(Role.class);
        user.roles().stream().filter(allowed::contains).forEach(acting::add);
        if (acting.contains(Role.AUDITOR)) {
            return true;
        }
        return category != null && CaseAccess.maySee(user.userId(), acting, category, safeguarding, subject, named);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static CaseCategory enumOrNull(String name) {
        try {
            return CaseCategory.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
