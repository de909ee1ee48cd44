package org.casetrail.cases.deadlines;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** When each case's next running clock runs out: the case list's {@code dueAt}. */
@Component
public class DueDates {

    private final MongoTemplate mongo;

    DueDates(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Map<String, Instant> nextFor(Collection<String> caseIds) {
        Map<String, Instant> next = new HashMap<>();
        if (caseIds.isEmpty()) {
            return next;
        }
        Query pending = Query.query(Criteria.where("caseId").in(caseIds).and("state").is(DeadlineState.PENDING));
        for (CaseDeadlineDocument deadline : mongo.find(pending, CaseDeadlineDocument.class, DeadlinesProjection.COLLECTION)) {
            next.merge(deadline.caseId(), deadline.dueAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        return next;
    }
}
