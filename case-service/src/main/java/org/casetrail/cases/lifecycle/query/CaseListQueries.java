package org.casetrail.cases.lifecycle.query;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.casetrail.cases.deadlines.DueDates;
import org.casetrail.cases.lifecycle.api.CaseStatus;
import org.casetrail.cases.lifecycle.api.CaseSummaryView;
import org.casetrail.cases.lifecycle.api.FindCasesForReviewer;
import org.casetrail.contracts.cases.CaseCategory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The case list, from the case-detail read model. Visibility is decided per case by the same rule
 * as the detail (and the aggregate), before paging, so a page never hides how many cases exist
 * behind it nor shows one the caller may not see.
 */
@Component
class CaseListQueries {

    private static final Bson SUMMARY_FIELDS = Projections.exclude("history", "summary", "details", "platform",
            "occurredAt");

    private final MongoTemplate mongo;
    private final DueDates dueDates;

    CaseListQueries(MongoTemplate mongo, DueDates dueDates) {
        this.mongo = mongo;
        this.dueDates = dueDates;
    }

    @QueryHandler
    CaseSummaryView.Page handle(FindCasesForReviewer query) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("schoolId", query.schoolId())));
        if (query.status() != null) {
            filters.add(Filters.eq("status", query.status().name()));
        }
        if (query.category() != null) {
            filters.add(Filters.eq("category", query.category().name()));
        }
        if (query.assignee() != null) {
            filters.add(Filters.eq("investigatorId", query.assignee()));
        }
        List<Document> visible = new ArrayList<>();
        for (Document doc : mongo.getCollection(CaseDetailProjection.COLLECTION).find(Filters.and(filters))
                .projection(SUMMARY_FIELDS).sort(Sorts.descending("submittedAt"))) {
            if (CaseDetailProjection.visible(doc, query.actorId(), query.actorRoles())
                    && (query.overdue() == null || query.overdue() == isOverdue(doc))) {
                visible.add(doc);
            }
        }
        int from = Math.min(visible.size(), query.page() * query.size());
        List<Document> page = visible.subList(from, Math.min(visible.size(), from + query.size()));
        Map<String, java.time.Instant> due = dueDates.nextFor(page.stream().map(d -> d.getString("_id")).toList());
        List<CaseSummaryView> items = page.stream().map(d -> new CaseSummaryView(d.getString("_id"),
                d.getString("reference"), CaseCategory.valueOf(d.getString("category")),
                d.getString("status") == null ? null : CaseStatus.valueOf(d.getString("status")),
                Boolean.TRUE.equals(d.getBoolean("safeguarding")),
                d.getDate("submittedAt") == null ? null : d.getDate("submittedAt").toInstant(),
                due.get(d.getString("_id")), isOverdue(d), d.getString("investigatorId"))).toList();
        return new CaseSummaryView.Page(items, query.page(), query.size(), visible.size());
    }

    private static boolean isOverdue(Document doc) {
        List<?> kinds = doc.getList(CaseDetailProjection.OVERDUE, Object.class);
        return kinds != null && !kinds.isEmpty();
    }
}
