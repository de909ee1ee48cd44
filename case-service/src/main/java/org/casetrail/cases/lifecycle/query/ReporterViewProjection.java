package org.casetrail.cases.lifecycle.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.casetrail.cases.lifecycle.api.CaseStatus;
import org.casetrail.cases.lifecycle.api.ConcernReported;
import org.casetrail.cases.lifecycle.api.FindConcernsOfReporter;
import org.casetrail.cases.lifecycle.api.ReporterCaseView;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The reporter's status-only view of their reports. Keyed by case id and written with upserts, so
 * replaying an event (after a crash, or a rebuild) leaves the same document.
 */
@Component
@ProcessingGroup(ReporterViewProjection.GROUP)
class ReporterViewProjection {

    static final String GROUP = "reporter-view";
    static final String COLLECTION = "reporter_cases";

    private final MongoTemplate mongo;

    ReporterViewProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("schoolId", Sort.Direction.ASC)
                .on("reporterId", Sort.Direction.ASC).on("submittedAt", Sort.Direction.DESC));
    }

    @EventHandler
    void on(ConcernReported event) {
        mongo.save(new ReporterCaseDocument(event.caseId(), event.schoolId(), event.reporterId(), event.reference(),
                event.category(), CaseStatus.REPORTED, event.submittedAt()), COLLECTION);
    }

    /** Every later status change; the reporter learns where their report stands, nothing more. */
    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        if (event instanceof ConcernReported) {
            return;
        }
        StatusTransitions.after(event).ifPresent(status -> mongo.updateFirst(
                Query.query(Criteria.where("_id").is(message.getAggregateIdentifier())),
                Update.update("status", status), COLLECTION));
    }

    @QueryHandler
    List<ReporterCaseView> handle(FindConcernsOfReporter query) {
        Query mine = Query.query(Criteria.where("schoolId").is(query.schoolId()).and("reporterId").is(query.reporterId()))
                .with(Sort.by(Sort.Direction.DESC, "submittedAt"));
        return mongo.find(mine, ReporterCaseDocument.class, COLLECTION).stream()
                .map(d -> new ReporterCaseView(d.id(), d.reference(), d.category(), d.status(), d.submittedAt()))
                .toList();
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }
}
