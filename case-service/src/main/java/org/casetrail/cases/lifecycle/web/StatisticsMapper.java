package org.casetrail.cases.lifecycle.web;

import org.casetrail.cases.lifecycle.api.CaseStatus;
import org.casetrail.cases.lifecycle.api.DisciplinaryOutcome;
import org.casetrail.cases.lifecycle.api.TriageRoute;
import org.casetrail.cases.lifecycle.query.CaseStatisticsView;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.platform.mapping.CasetrailMapperConfig;
import org.mapstruct.Mapper;

import java.util.LinkedHashMap;
import java.util.Map;

@Mapper(config = CasetrailMapperConfig.class)
interface StatisticsMapper {

    StatisticsResponse toResponse(CaseStatisticsView view);

    StatisticsResponse.Overdue toOverdue(CaseStatisticsView.Overdue overdue);

    default Map<String, Long> categories(Map<CaseCategory, Long> counts) {
        return named(counts);
    }

    default Map<String, Long> statuses(Map<CaseStatus, Long> counts) {
        return named(counts);
    }

    default Map<String, Long> routes(Map<TriageRoute, Long> counts) {
        return named(counts);
    }

    default Map<String, Long> outcomes(Map<DisciplinaryOutcome, Long> counts) {
        return named(counts);
    }

    /** Enum keys become their names, in the enum's order. */
    private static <E extends Enum<E>> Map<String, Long> named(Map<E, Long> counts) {
        Map<String, Long> named = new LinkedHashMap<>();
        if (counts != null) {
            counts.forEach((key, count) -> named.put(key.name(), count));
        }
        return named;
    }
}
