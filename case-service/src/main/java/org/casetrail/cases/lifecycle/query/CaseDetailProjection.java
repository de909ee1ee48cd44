package org.casetrail.cases.lifecycle.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.casetrail.cases.lifecycle.api.*;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.platform.axon.AuditMetadata;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The case detail behind {@code GET /api/v1/cases/{caseId}}: one document per case, keyed by case
 * id, written with upserts. Each event sets the current-state fields it changes and its own history
 * entry under its sequence number, so replaying an event leaves the same document.
 */
@Component
@ProcessingGroup(CaseDetailProjection.GROUP)
class CaseDetailProjection {

    static final String GROUP = "case-detail";
    static final String COLLECTION = "case_details";
    /** Scratch documents of point-in-time folds ({@link FoldCaseDetail}); each lives for one query. */
    static final String FOLD_COLLECTION = "case_details_folds";
    static final String OVERDUE = "overdueKinds";
    private static final String ACKNOWLEDGEMENT = "ACKNOWLEDGEMENT";

    private static final ObjectMapper DATA = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final MongoTemplate mongo;

    CaseDetailProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        apply(mongo.getCollection(COLLECTION), message.getAggregateIdentifier(), event, message);
    }

    /** Folds one event into the document {@code id} of {@code target}: the read model, or a scratch fold. */
    private static void apply(MongoCollection<Document> target, String id, Object event, DomainEventMessage<?> message) {
        if (!event.getClass().getPackageName().equals(ConcernReported.class.getPackageName())) {
            return;
        }
        List<Bson> updates = new ArrayList<>(stateOf(event));
        StatusTransitions.after(event).ifPresent(status -> updates.add(status(status)));
        updates.addAll(overdueOf(event));
        updates.add(Updates.set("history." + key(message.getSequenceNumber()), step(event, message)));
        target.updateOne(Filters.eq("_id", id), Updates.combine(updates), new UpdateOptions().upsert(true));
    }

    /**
     * The case as the given events leave it, folded by exactly the handlers above into a scratch
     * document (its own collection, keyed by a random id, removed afterwards) and read back by the same
     * mapping as the read model: no second state machine for point-in-time states.
     */
    @QueryHandler
    Optional<CaseDetailView> handle(FoldCaseDetail query) {
        MongoCollection<Document> scratch = mongo.getCollection(FOLD_COLLECTION);
        String id = query.caseId() + "@" + UUID.randomUUID();
        try {
            for (DomainEventMessage<?> message : query.events()) {
                apply(scratch, id, message.getPayload(), message);
            }
            Document doc = scratch.find(Filters.eq("_id", id)).first();
            return doc == null || doc.getString("category") == null ? Optional.empty() : Optional.of(view(query.caseId(), doc));
        } finally {
            scratch.deleteOne(Filters.eq("_id", id));
        }
    }

    /** The current-state fields an event changes. Plain instanceof: no pattern-matching switch on Java 17. */
    private static List<Bson> stateOf(Object event) {
        List<Bson> set = new ArrayList<>();
        if (event instanceof ConcernReported e) {
            set.add(Updates.set("schoolId", e.schoolId()));
            set.add(Updates.set("reference", e.reference()));
            set.add(Updates.set("category", e.category().name()));
            set.add(Updates.set("safeguarding", e.safeguarding()));
            set.add(Updates.set("summary", e.summary()));
            set.add(Updates.set("details", e.details()));
            set.add(Updates.set("occurredAt", date(e.occurredAt())));
            set.add(Updates.set("platform", e.platform()));
            set.add(Updates.set("reporterId", e.reporterId()));
            set.add(Updates.set("submittedAt", date(e.submittedAt())));
            if (e.subject() != null) {
                set.add(Updates.set("subject", new Document("type", e.subject().type().name())
                        .append("userId", e.subject().userId()).append("name", e.subject().name())));
            }
        } else if (event instanceof SafeguardingAcknowledged) {
            set.add(Updates.set("acknowledged", true));
        } else if (event instanceof CaseTriaged e) {
            set.add(Updates.set("route", e.route().name()));
            set.add(Updates.set("severity", e.severity().name()));
        } else if (event instanceof InvestigatorAssigned e) {
            set.add(Updates.set("investigatorId", e.investigatorId()));
        } else if (event instanceof FindingsRecorded e) {
            set.add(Updates.set("breachFound", e.breachFound()));
            set.add(Updates.set("breachedClauses", e.breachedClauses()));
            set.add(Updates.set("grossMisconduct", e.grossMisconduct()));
        } else if (event instanceof InformalActionTaken) {
            set.addAll(closed(CaseResolution.INFORMAL_ACTION));
        } else if (event instanceof HearingScheduled e) {
            set.add(Updates.set("hearingDecisionMakerId", e.decisionMakerId()));
            set.add(Updates.set("hearingScheduledFor", date(e.scheduledFor())));
        } else if (event instanceof OutcomeDecided e) {
            set.add(Updates.set("outcome", e.outcome().name()));
            set.add(Updates.set("appealWindowClosesAt", date(e.appealWindowClosesAt())));
        } else if (event instanceof AppealLodged e) {
            set.add(Updates.set("appealDeciderId", e.appealDeciderId()));
        } else if (event instanceof CaseOpenedFromDisclosure e) {
            set.add(Updates.set("disclosureId", e.disclosureId()));
        } else if (event instanceof AppealDecided) {
            set.addAll(closed(CaseResolution.APPEAL_DECIDED));
        } else if (event instanceof CaseClosed e) {
            set.addAll(closed(e.resolution()));
        } else if (event instanceof ConcernWithdrawn) {
            set.addAll(closed(CaseResolution.WITHDRAWN));
        } else if (event instanceof CaseReopened) {
            set.add(Updates.set("route", null));
            set.add(Updates.set("resolution", null));
        }
        return set;
    }

    /**
     * Which clocks of the case have run out and are still running: set when a deadline fires, cleared
     * when the work it waited for is done or the case closes. The case list's {@code overdue}.
     */
    private static List<Bson> overdueOf(Object event) {
        if (event instanceof TriageOverdue) {
            return List.of(Updates.addToSet(OVERDUE, DeadlineKind.TRIAGE.name()));
        } else if (event instanceof PolicyQueryOverdue) {
            return List.of(Updates.addToSet(OVERDUE, DeadlineKind.POLICY_QUERY_ANSWER.name()));
        } else if (event instanceof InvestigationOverdue) {
            return List.of(Updates.addToSet(OVERDUE, DeadlineKind.INVESTIGATION.name()));
        } else if (event instanceof SafeguardingAcknowledgementEscalated) {
            return List.of(Updates.addToSet(OVERDUE, ACKNOWLEDGEMENT));
        } else if (event instanceof SafeguardingAcknowledged) {
            return List.of(Updates.pull(OVERDUE, ACKNOWLEDGEMENT));
        } else if (event instanceof CaseTriaged) {
            return List.of(Updates.pullAll(OVERDUE, List.of(DeadlineKind.TRIAGE.name(), DeadlineKind.POLICY_QUERY_ANSWER.name())));
        } else if (event instanceof FindingsRecorded) {
            return List.of(Updates.pull(OVERDUE, DeadlineKind.INVESTIGATION.name()));
        } else if (event instanceof InformalActionTaken || event instanceof AppealDecided || event instanceof CaseClosed
                || event instanceof ConcernWithdrawn) {
            return List.of(Updates.set(OVERDUE, List.of()));
        }
        return List.of();
    }

    /** Who may see a stored case: the same rule the aggregate applies to commands. */
    static boolean visible(Document doc, String actorId, java.util.Set<org.casetrail.contracts.Role> roles) {
        if (doc.getString("category") == null) {
            return false;
        }
        Document subject = doc.get("subject", Document.class);
        List<String> named = new ArrayList<>();
        for (String field : List.of("investigatorId", "hearingDecisionMakerId", "appealDeciderId")) {
            if (doc.getString(field) != null) {
                named.add(doc.getString(field));
            }
        }
        return CaseAccess.maySee(actorId, roles, CaseCategory.valueOf(doc.getString("category")),
                Boolean.TRUE.equals(doc.getBoolean("safeguarding")), subject == null ? null : subject.getString("userId"),
                named);
    }

    private static Bson status(CaseStatus status) {
        return Updates.set("status", status.name());
    }

    private static List<Bson> closed(CaseResolution resolution) {
        return List.of(Updates.set("resolution", resolution.name()));
    }

    @SuppressWarnings("unchecked")
    private static Document step(Object event, DomainEventMessage<?> message) {
        Map<String, Object> data = DATA.convertValue(event, Map.class);
        data.remove("caseId");
        data.remove("schoolId");
        return new Document("sequence", message.getSequenceNumber())
                .append("type", event.getClass().getSimpleName())
                .append("actorId", message.getMetaData().get(AuditMetadata.ACTOR_ID))
                .append("actorRole", message.getMetaData().get(AuditMetadata.ACTOR_ROLE))
                .append("at", Date.from(message.getTimestamp()))
                .append("data", new Document(data));
    }

    /** Zero-padded so that the keys sort as the sequence does. */
    private static String key(long sequence) {
        return String.format("s%09d", sequence);
    }

    @QueryHandler
    Optional<CaseDetailView> handle(FindCaseDetail query) {
        Document doc = mongo.getCollection(COLLECTION).find(Filters.eq("_id", query.caseId())).first();
        if (doc == null || !query.schoolId().equals(doc.getString("schoolId"))
                || !visible(doc, query.actorId(), query.actorRoles())) {
            return Optional.empty();
        }
        return Optional.of(view(query.caseId(), doc));
    }

    private static CaseDetailView view(String caseId, Document doc) {
        CaseCategory category = CaseCategory.valueOf(doc.getString("category"));
        boolean safeguarding = Boolean.TRUE.equals(doc.getBoolean("safeguarding"));
        Document subjectDoc = doc.get("subject", Document.class);
        Subject subject = subjectDoc == null ? null : new Subject(SubjectType.valueOf(subjectDoc.getString("type")),
                subjectDoc.getString("userId"), subjectDoc.getString("name"));
        return new CaseDetailView(caseId, doc.getString("reference"), category, safeguarding,
                enumOf(CaseStatus.class, doc.getString("status")), enumOf(TriageRoute.class, doc.getString("route")),
                enumOf(Severity.class, doc.getString("severity")), doc.getString("summary"), doc.getString("details"),
                instant(doc.getDate("occurredAt")), doc.getString("platform"), subject, doc.getString("reporterId"),
                instant(doc.getDate("submittedAt")), Boolean.TRUE.equals(doc.getBoolean("acknowledged")),
                doc.getString("investigatorId"), doc.getBoolean("breachFound"),
                doc.getList("breachedClauses", String.class), doc.getBoolean("grossMisconduct"),
                doc.getString("hearingDecisionMakerId"), instant(doc.getDate("hearingScheduledFor")),
                enumOf(DisciplinaryOutcome.class, doc.getString("outcome")),
                instant(doc.getDate("appealWindowClosesAt")), doc.getString("appealDeciderId"),
                enumOf(CaseResolution.class, doc.getString("resolution")), doc.getString("disclosureId"),
                history(doc.get("history", Document.class)));
    }

    @SuppressWarnings("unchecked")
    private static List<CaseDetailView.Step> history(Document history) {
        if (history == null) {
            return List.of();
        }
        return history.values().stream().map(Document.class::cast)
                .map(s -> new CaseDetailView.Step(((Number) s.get("sequence")).longValue(), s.getString("type"),
                        s.getString("actorId"), s.getString("actorRole"), instant(s.getDate("at")),
                        (Map<String, Object>) s.get("data", Document.class)))
                .sorted(Comparator.comparingLong(CaseDetailView.Step::sequence))
                .toList();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }
}
