package org.casetrail.disclosures.policy.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.casetrail.disclosures.directory.DirectoryCopy;
import org.casetrail.disclosures.policy.api.FindPolicyAcknowledgements;
import org.casetrail.disclosures.policy.api.FindSchoolPolicyVersions;
import org.casetrail.disclosures.policy.api.PolicyAcknowledgementReport;
import org.casetrail.disclosures.policy.api.PolicyVersionAcknowledged;
import org.casetrail.disclosures.policy.api.PolicyVersionIds;
import org.casetrail.disclosures.policy.api.PolicyVersionPublished;
import org.casetrail.disclosures.policy.api.PolicyVersionSummary;
import org.casetrail.disclosures.policy.api.TrainingCompleted;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Policy versions and their acknowledgements, keyed by {@code schoolId:version}. A replayed event finds
 * its acknowledgement or training already there and changes nothing. The report joins the school's
 * staff from the local directory copy, so "has not acknowledged" names people, not only ids.
 */
@Component
@ProcessingGroup(PolicyVersionProjection.GROUP)
class PolicyVersionProjection {

    static final String GROUP = "policy-view";
    static final String COLLECTION = "policy_versions";

    private final MongoTemplate mongo;
    private final DirectoryCopy directory;

    PolicyVersionProjection(MongoTemplate mongo, DirectoryCopy directory) {
        this.mongo = mongo;
        this.directory = directory;
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("schoolId", Sort.Direction.ASC));
    }

    @EventHandler
    void on(PolicyVersionPublished event) {
        PolicyVersionDocument known = load(event.policyVersionId());
        mongo.save(new PolicyVersionDocument(event.policyVersionId(), event.schoolId(), event.version(), event.title(),
                event.effectiveFrom(), event.publishedAt(),
                known == null ? List.of() : known.acknowledgements(), known == null ? List.of() : known.trainings()),
                COLLECTION);
    }

    @EventHandler
    void on(PolicyVersionAcknowledged event) {
        PolicyVersionDocument known = load(event.policyVersionId());
        if (known == null || known.acknowledgements().stream().anyMatch(a -> a.userId().equals(event.userId()))) {
            return;
        }
        List<PolicyVersionDocument.Acknowledgement> acknowledgements = new ArrayList<>(known.acknowledgements());
        acknowledgements.add(new PolicyVersionDocument.Acknowledgement(event.userId(), event.acknowledgedAt()));
        mongo.save(new PolicyVersionDocument(known.id(), known.schoolId(), known.version(), known.title(),
                known.effectiveFrom(), known.publishedAt(), acknowledgements, known.trainings()), COLLECTION);
    }

    /** The latest recording wins: HR may correct a day. */
    @EventHandler
    void on(TrainingCompleted event) {
        PolicyVersionDocument known = load(event.policyVersionId());
        if (known == null) {
            return;
        }
        List<PolicyVersionDocument.Training> trainings = new ArrayList<>(known.trainings().stream()
                .filter(t -> !t.userId().equals(event.userId())).toList());
        trainings.add(new PolicyVersionDocument.Training(event.userId(), event.completedOn()));
        mongo.save(new PolicyVersionDocument(known.id(), known.schoolId(), known.version(), known.title(),
                known.effectiveFrom(), known.publishedAt(), known.acknowledgements(), trainings), COLLECTION);
    }

    @QueryHandler
    Optional<PolicyAcknowledgementReport> handle(FindPolicyAcknowledgements query) {
        PolicyVersionDocument version = load(PolicyVersionIds.of(query.schoolId(), query.version()));
        if (version == null || !version.schoolId().equals(query.schoolId())) {
            return Optional.empty();
        }
        Map<String, LocalDate> training = new HashMap<>();
        version.trainings().forEach(t -> training.put(t.userId(), t.completedOn()));
        Map<String, String> names = new HashMap<>();
        Map<String, PolicyAcknowledgementReport.StaffMember> notAcknowledged = new LinkedHashMap<>();
        for (DirectoryCopy.DirectoryEntry staff : directory.staffOf(query.schoolId())) {
            names.put(staff.id(), staff.displayName());
            notAcknowledged.put(staff.id(), new PolicyAcknowledgementReport.StaffMember(staff.id(), staff.displayName(),
                    null, training.get(staff.id())));
        }
        List<PolicyAcknowledgementReport.StaffMember> acknowledged = new ArrayList<>();
        for (PolicyVersionDocument.Acknowledgement a : version.acknowledgements()) {
            notAcknowledged.remove(a.userId());
            String name = names.containsKey(a.userId()) ? names.get(a.userId())
                    : directory.find(a.userId()).map(DirectoryCopy.DirectoryEntry::displayName).orElse(null);
            acknowledged.add(new PolicyAcknowledgementReport.StaffMember(a.userId(), name, a.acknowledgedAt(),
                    training.get(a.userId())));
        }
        Comparator<PolicyAcknowledgementReport.StaffMember> byName = Comparator.comparing(
                (PolicyAcknowledgementReport.StaffMember m) -> m.displayName() == null ? m.userId() : m.displayName());
        return Optional.of(new PolicyAcknowledgementReport(version.version(), version.title(), version.effectiveFrom(),
                version.publishedAt(), acknowledged.stream().sorted(byName).toList(),
                notAcknowledged.values().stream().sorted(byName).toList()));
    }

    /** The school's versions, newest effective first: the reminder watch asks which one is current. */
    @QueryHandler
    List<PolicyVersionSummary> handle(FindSchoolPolicyVersions query) {
        return mongo.find(Query.query(Criteria.where("schoolId").is(query.schoolId())), PolicyVersionDocument.class,
                        COLLECTION).stream()
                .sorted(Comparator.comparing(PolicyVersionDocument::effectiveFrom)
                        .thenComparing(PolicyVersionDocument::publishedAt).reversed())
                .map(d -> new PolicyVersionSummary(d.version(), d.title(), d.effectiveFrom(), d.publishedAt(),
                        d.acknowledgements().stream().map(PolicyVersionDocument.Acknowledgement::userId).toList()))
                .toList();
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }

    private PolicyVersionDocument load(String id) {
        return mongo.findById(id, PolicyVersionDocument.class, COLLECTION);
    }
}
