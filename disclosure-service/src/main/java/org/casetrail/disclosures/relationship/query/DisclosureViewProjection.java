package org.casetrail.disclosures.relationship.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.casetrail.disclosures.relationship.api.CaseLinked;
import org.casetrail.disclosures.relationship.api.DisclosureAmended;
import org.casetrail.disclosures.relationship.api.DisclosureDecided;
import org.casetrail.disclosures.relationship.api.DisclosureReconfirmed;
import org.casetrail.disclosures.relationship.api.DisclosureReevaluated;
import org.casetrail.disclosures.relationship.api.ReconfirmationOverdueReported;
import org.casetrail.disclosures.relationship.api.DisclosureReviewed;
import org.casetrail.disclosures.relationship.api.DisclosureState;
import org.casetrail.disclosures.relationship.api.DisclosureView;
import org.casetrail.disclosures.relationship.api.DisclosureWithdrawn;
import org.casetrail.disclosures.relationship.api.FindMyDisclosures;
import org.casetrail.disclosures.relationship.api.FoldDisclosure;
import org.casetrail.disclosures.relationship.api.FindSchoolDisclosures;
import org.casetrail.disclosures.relationship.api.RelationshipDeclared;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Disclosures as their declarer and their school's Principal see them. Keyed by disclosure id and
 * written with upserts of whole fields, so replaying an event (after a crash, or a rebuild) leaves
 * the same document.
 */
@Component
@ProcessingGroup(DisclosureViewProjection.GROUP)
class DisclosureViewProjection {

    static final String GROUP = "disclosure-view";
    static final String COLLECTION = "disclosures";
    /** Scratch documents of point-in-time folds ({@link FoldDisclosure}); each lives for one query. */
    static final String FOLD_COLLECTION = "disclosure_folds";

    private final MongoTemplate mongo;
    private final String collection;
    private final String idPrefix;

    /** A throwaway twin that folds into a scratch document instead of the read model. */
    private DisclosureViewProjection(MongoTemplate mongo, String idPrefix) {
        this.mongo = mongo;
        this.collection = FOLD_COLLECTION;
        this.idPrefix = idPrefix;
    }

    @Autowired
    DisclosureViewProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        this.collection = COLLECTION;
        this.idPrefix = "";
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("schoolId", Sort.Direction.ASC)
                .on("declarerId", Sort.Direction.ASC).on("declaredAt", Sort.Direction.DESC));
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("schoolId", Sort.Direction.ASC)
                .on("state", Sort.Direction.ASC).on("decision", Sort.Direction.ASC));
    }

    @EventHandler
    void on(RelationshipDeclared event) {
        upsert(event.disclosureId(), new Update()
                .set("schoolId", event.schoolId())
                .set("declarerId", event.declarerId())
                .set("version", event.version())
                .set("details", event.details())
                .set("declaredAt", event.declaredAt())
                .set("updatedAt", event.declaredAt())
                // a primitive of the document: a read between this event and the decision must find it set
                .set("reconfirmationOverdue", false));
    }

    @EventHandler
    void on(DisclosureAmended event) {
        upsert(event.disclosureId(), new Update()
                .set("version", event.version())
                .set("details", event.details())
                .set("updatedAt", event.amendedAt()));
    }

    /** A new decision starts its version afresh: an earlier version's review does not carry over. */
    @EventHandler
    void on(DisclosureDecided event) {
        upsert(event.disclosureId(), new Update()
                .set("decision", event.decision())
                .set("rule", event.rule())
                .set("state", DisclosureState.afterDecision(event.decision()))
                .set("reviewResult", null)
                .set("reviewConditions", null)
                .set("reviewRationale", null)
                .set("reviewerId", null)
                .set("reviewedAt", null)
                .set("reconfirmationDueOn", event.reconfirmationDueOn() != null ? event.reconfirmationDueOn()
                        : event.decidedOn().plus(DisclosureReconfirmed.PERIOD))
                .set("reconfirmationOverdue", false)
                .set("updatedAt", event.decidedAt()));
    }

    /** A changed decision starts the version's review afresh, as a new decision does; an unchanged one leaves it. */
    @EventHandler
    void on(DisclosureReevaluated event) {
        if (!event.changed()) {
            return;
        }
        upsert(event.disclosureId(), new Update()
                .set("decision", event.decision())
                .set("rule", event.rule())
                .set("state", DisclosureState.afterDecision(event.decision()))
                .set("reviewResult", null)
                .set("reviewConditions", null)
                .set("reviewRationale", null)
                .set("reviewerId", null)
                .set("reviewedAt", null)
                .set("updatedAt", event.reevaluatedAt()));
    }

    @EventHandler
    void on(DisclosureReconfirmed event) {
        upsert(event.disclosureId(), new Update()
                .set("reconfirmationDueOn", event.nextDueOn())
                .set("reconfirmationOverdue", false)
                .set("reconfirmedAt", event.reconfirmedAt()));
    }

    @EventHandler
    void on(ReconfirmationOverdueReported event) {
        upsert(event.disclosureId(), new Update().set("reconfirmationOverdue", true));
    }

    @EventHandler
    void on(DisclosureReviewed event) {
        upsert(event.disclosureId(), new Update()
                .set("state", DisclosureState.REVIEWED)
                .set("reviewResult", event.result())
                .set("reviewConditions", event.conditions())
                .set("reviewRationale", event.rationale())
                .set("reviewerId", event.reviewerId())
                .set("reviewedAt", event.reviewedAt())
                .set("updatedAt", event.reviewedAt()));
    }

    @EventHandler
    void on(DisclosureWithdrawn event) {
        upsert(event.disclosureId(), new Update()
                .set("state", DisclosureState.WITHDRAWN)
                .set("withdrawalReason", event.reason())
                .set("updatedAt", event.withdrawnAt()));
    }

    /** The latest case opened from the disclosure; a later flag (an amended version, an escalation) names a newer one. */
    @EventHandler
    void on(CaseLinked event) {
        upsert(event.disclosureId(), new Update()
                .set("caseId", event.caseId())
                .set("caseReference", event.caseReference()));
    }

    @QueryHandler
    List<DisclosureView> handle(FindMyDisclosures query) {
        return find(Criteria.where("schoolId").is(query.schoolId()).and("declarerId").is(query.declarerId()));
    }

    @QueryHandler
    List<DisclosureView> handle(FindSchoolDisclosures query) {
        Criteria criteria = Criteria.where("schoolId").is(query.schoolId());
        if (query.state() != null) {
            criteria = criteria.and("state").is(query.state());
        }
        if (query.decision() != null) {
            criteria = criteria.and("decision").is(query.decision());
        }
        if (query.reconfirmationOverdue() != null) {
            criteria = criteria.and("reconfirmationOverdue").is(query.reconfirmationOverdue());
        }
        return find(criteria);
    }

    /**
     * The disclosure as the given events leave it: the very handlers above, run by Axon's annotation
     * adapter on a twin writing to a scratch document (random id, removed afterwards), so that there
     * is no second state machine for point-in-time states.
     */
    @QueryHandler
    Optional<DisclosureView> handle(FoldDisclosure query) {
        String prefix = UUID.randomUUID() + "@";
        AnnotationEventHandlerAdapter twin = new AnnotationEventHandlerAdapter(new DisclosureViewProjection(mongo, prefix));
        try {
            for (DomainEventMessage<?> message : query.events()) {
                if (twin.canHandle(message)) {
                    twin.handle(message);
                }
            }
            return find(FOLD_COLLECTION, Criteria.where("_id").is(prefix + query.disclosureId())).stream().findFirst()
                    .map(v -> new DisclosureView(query.disclosureId(), v.declarerId(), v.version(), v.details(),
                            v.decision(), v.rule(), v.state(), v.reviewResult(), v.reviewConditions(), v.reviewRationale(),
                            v.reviewerId(), v.reviewedAt(), v.withdrawalReason(), v.declaredAt(), v.updatedAt(), v.caseId(),
                            v.reconfirmationDueOn(), v.reconfirmationOverdue(), v.reconfirmedAt()));
        } catch (Exception e) {
            throw new IllegalStateException("disclosure " + query.disclosureId() + " could not be folded", e);
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").is(prefix + query.disclosureId())), FOLD_COLLECTION);
        }
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }

    private void upsert(String disclosureId, Update update) {
        mongo.upsert(Query.query(Criteria.where("_id").is(idPrefix + disclosureId)), update, collection);
    }

    private List<DisclosureView> find(Criteria criteria) {
        return find(COLLECTION, criteria);
    }

    private List<DisclosureView> find(String from, Criteria criteria) {
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "declaredAt"));
        return mongo.find(query, DisclosureDocument.class, from).stream()
                .map(d -> new DisclosureView(d.id(), d.declarerId(), d.version(), d.details(), d.decision(), d.rule(),
                        d.state(), d.reviewResult(), d.reviewConditions(), d.reviewRationale(), d.reviewerId(),
                        d.reviewedAt(), d.withdrawalReason(), d.declaredAt(), d.updatedAt(), d.caseId(),
                        d.reconfirmationDueOn(), d.reconfirmationOverdue(), d.reconfirmedAt()))
                .toList();
    }
}
