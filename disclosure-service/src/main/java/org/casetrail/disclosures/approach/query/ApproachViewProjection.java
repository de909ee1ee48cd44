package org.casetrail.disclosures.approach.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.casetrail.disclosures.approach.api.ApproachRecorded;
import org.casetrail.disclosures.approach.api.ApproachView;
import org.casetrail.disclosures.approach.api.FindMyApproaches;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;

/** The recorder's own approach records. Keyed by approach id; a replayed event leaves the same document. */
@Component
@ProcessingGroup(ApproachViewProjection.GROUP)
class ApproachViewProjection {

    static final String GROUP = "approach-view";
    static final String COLLECTION = "approaches";

    private final MongoTemplate mongo;

    ApproachViewProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("schoolId", Sort.Direction.ASC)
                .on("recorderId", Sort.Direction.ASC).on("occurredAt", Sort.Direction.DESC));
    }

    @EventHandler
    void on(ApproachRecorded event) {
        mongo.save(new ApproachDocument(event.approachId(), event.schoolId(), event.recorderId(), event.counterpartType(),
                event.counterpartName(), event.platform(), event.occurredAt(), event.response(),
                event.retainedCommunicationRef(), event.reportedToSeniorLeader(), event.recordedAt()), COLLECTION);
    }

    @QueryHandler
    List<ApproachView> handle(FindMyApproaches query) {
        Query mine = Query.query(Criteria.where("schoolId").is(query.schoolId()).and("recorderId").is(query.recorderId()))
                .with(Sort.by(Sort.Direction.DESC, "occurredAt"));
        return mongo.find(mine, ApproachDocument.class, COLLECTION).stream()
                .map(d -> new ApproachView(d.id(), d.counterpartType(), d.counterpartName(), d.platform(),
                        d.occurredAt(), d.response(), d.retainedCommunicationRef(), d.reportedToSeniorLeader(),
                        d.recordedAt()))
                .toList();
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }
}
