package org.casetrail.cases.lifecycle.query;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.casetrail.cases.lifecycle.api.CaseStatus;
import org.casetrail.cases.lifecycle.api.DeadlineKind;
import org.casetrail.cases.lifecycle.api.DisciplinaryOutcome;
import org.casetrail.cases.lifecycle.api.TriageRoute;
import org.casetrail.contracts.cases.CaseCategory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * P5: the school's monitoring figures, from the case-detail read model. The medians are read from
 * each case's history, from the times the events themselves record (the aggregate's clock), not from
 * when they were stored.
 */
@Component
class CaseStatisticsQueries {

    /** The clocks the case-detail projection records as overdue, in a stable order. */
    static final List<String> OVERDUE_KINDS = List.of(DeadlineKind.TRIAGE.name(),
            DeadlineKind.POLICY_QUERY_ANSWER.name(), DeadlineKind.INVESTIGATION.name(), "ACKNOWLEDGEMENT");

    private static final Bson FIELDS = Projections.include("category", "status", "route", "outcome", "safeguarding",
            "subject", "investigatorId", "hearingDecisionMakerId", "appealDeciderId", CaseDetailProjection.OVERDUE,
            "history");
    private static final double SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

    private final MongoTemplate mongo;

    CaseStatisticsQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    CaseStatisticsView handle(FindCaseStatistics query) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("schoolId", query.schoolId()),
                Filters.exists("category")));
        if (query.from() != null) {
            filters.add(Filters.gte("submittedAt", Date.from(query.from())));
        }
        if (query.to() != null) {
            filters.add(Filters.lt("submittedAt", Date.from(query.to())));
        }
        Map<CaseCategory, Long> byCategory = zeros(CaseCategory.class);
        Map<CaseStatus, Long> byStatus = zeros(CaseStatus.class);
        Map<TriageRoute, Long> byRoute = zeros(TriageRoute.class);
        Map<DisciplinaryOutcome, Long> byOutcome = zeros(DisciplinaryOutcome.class);
        Map<String, Long> overdueByKind = new LinkedHashMap<>();
        OVERDUE_KINDS.forEach(kind -> overdueByKind.put(kind, 0L));
        long cases = 0;
        long overdueOpen = 0;
        List<Double> toTriage = new ArrayList<>();
        List<Double> toFindings = new ArrayList<>();
        for (Document doc : mongo.getCollection(CaseDetailProjection.COLLECTION).find(Filters.and(filters))
                .projection(FIELDS)) {
            if (!CaseDetailProjection.visible(doc, query.actorId(), query.actorRoles())) {
                continue;
            }
            cases++;
            count(byCategory, CaseCategory.class, doc.getString("category"));
            count(byStatus, CaseStatus.class, doc.getString("status"));
            count(byRoute, TriageRoute.class, doc.getString("route"));
            count(byOutcome, DisciplinaryOutcome.class, doc.getString("outcome"));
            List<String> overdue = doc.getList(CaseDetailProjection.OVERDUE, String.class);
            if (!CaseStatus.CLOSED.name().equals(doc.getString("status")) && overdue != null && !overdue.isEmpty()) {
                overdueOpen++;
                overdue.forEach(kind -> overdueByKind.merge(kind, 1L, Long::sum));
            }
            Durations durations = durationsOf(doc.get("history", Document.class));
            if (durations.toTriage != null) {
                toTriage.add(durations.toTriage);
            }
            if (durations.toFindings != null) {
                toFindings.add(durations.toFindings);
            }
        }
        return new CaseStatisticsView(query.from(), query.to(), cases, byCategory, byStatus, byRoute, byOutcome,
                new CaseStatisticsView.Overdue(overdueOpen, overdueByKind), median(toTriage), toTriage.size(),
                median(toFindings), toFindings.size());
    }

    /** Days from report to first triage, and from the assignment to the first findings, of one case. */
    static Durations durationsOf(Document history) {
        if (history == null) {
            return new Durations(null, null);
        }
        List<Document> steps = new ArrayList<>();
        history.values().forEach(step -> steps.add((Document) step));
        steps.sort(Comparator.comparingLong(step -> ((Number) step.get("sequence")).longValue()));
        Instant reported = null;
        Instant triaged = null;
        Instant assigned = null;
        Instant findings = null;
        for (Document step : steps) {
            String type = step.getString("type");
            if ("ConcernReported".equals(type)) {
                reported = timeOf(step, "submittedAt");
            } else if ("CaseOpenedFromDisclosure".equals(type)) {
                // P8/P10: a case opened by a flagged disclosure starts there
                reported = timeOf(step, "openedAt");
            } else if ("CaseTriaged".equals(type) && triaged == null) {
                triaged = timeOf(step, "triagedAt");
            } else if ("InvestigatorAssigned".equals(type) && findings == null) {
                // a reassignment restarts the investigation (and its P4 clock)
                assigned = timeOf(step, "assignedAt");
            } else if ("FindingsRecorded".equals(type) && findings == null && assigned != null) {
                findings = timeOf(step, "recordedAt");
            }
        }
        return new Durations(days(reported, triaged), days(assigned, findings));
    }

    record Durations(Double toTriage, Double toFindings) {
    }

    /** The event's own time field; the stored time when the field is missing. */
    private static Instant timeOf(Document step, String field) {
        Document data = step.get("data", Document.class);
        Object value = data == null ? null : data.get(field);
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof String text) {
            return Instant.parse(text);
        }
        Date at = step.getDate("at");
        return at == null ? null : at.toInstant();
    }

    private static Double days(Instant start, Instant end) {
        if (start == null || end == null) {
            return null;
        }
        return Duration.between(start, end).toSeconds() / SECONDS_PER_DAY;
    }

    /** The median, rounded to two decimals; null for no values. */
    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return Math.round(median * 100) / 100.0;
    }

    private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counts.put(value, 0L);
        }
        return counts;
    }

    private static <E extends Enum<E>> void count(Map<E, Long> counts, Class<E> type, String name) {
        if (name != null) {
            counts.merge(Enum.valueOf(type, name), 1L, Long::sum);
        }
    }
}
