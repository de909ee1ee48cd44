package org.casetrail.disclosures.relationship.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.contracts.disclosures.DisclosureRule;
import org.casetrail.disclosures.relationship.api.DisclosureAmended;
import org.casetrail.disclosures.relationship.api.DisclosureDecided;
import org.casetrail.disclosures.relationship.api.DisclosureReviewed;
import org.casetrail.disclosures.relationship.api.DisclosureState;
import org.casetrail.disclosures.relationship.api.DisclosureView;
import org.casetrail.disclosures.relationship.api.DisclosureWithdrawn;
import org.casetrail.disclosures.relationship.api.FindMyDisclosures;
import org.casetrail.disclosures.relationship.api.FindSchoolDisclosures;
import org.casetrail.disclosures.relationship.api.RelationshipBasis;
import org.casetrail.disclosures.relationship.api.RelationshipDeclared;
import org.casetrail.disclosures.relationship.api.RelationshipDetails;
import org.casetrail.disclosures.relationship.api.ReviewResult;
import org.casetrail.platform.testing.EmbeddedMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The disclosure read model without Spring: events in, views out, replays harmless. */
class DisclosureViewProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    private MongoClient client;
    private DisclosureViewProjection projection;

    @BeforeEach
    void setUp() {
        String database = "projection-" + UUID.randomUUID();
        client = MongoClients.create(EmbeddedMongo.uri(database));
        projection = new DisclosureViewProjection(new MongoTemplate(client, database));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void aDeclaredAndDecidedDisclosureAwaitsReviewAndIsTheDeclarersOnly() {
        declare("d-1", "school-a", "staff-1", T0);
        projection.on(decided("d-1", 1, DisclosureDecision.PERMITTED_TRANSPARENT, T0));

        List<DisclosureView> mine = projection.handle(new FindMyDisclosures("school-a", "staff-1"));
        assertThat(mine).singleElement().satisfies(view -> {
            assertThat(view.disclosureId()).isEqualTo("d-1");
            assertThat(view.details()).isEqualTo(details(RelationshipBasis.STAFF_IS_PARENT));
            assertThat(view.state()).isEqualTo(DisclosureState.AWAITING_REVIEW);
            assertThat(view.rule()).isEqualTo(DisclosureRule.P10_PARENT_OTHER);
        });
        assertThat(projection.handle(new FindMyDisclosures("school-a", "staff-2"))).isEmpty();
        assertThat(projection.handle(new FindMyDisclosures("school-b", "staff-1"))).isEmpty();
    }

    /** Declared and decided are two events: a read in between (the declarer's own list) must not fail. */
    @Test
    void aDisclosureDeclaredButNotYetDecidedIsReadable() {
        declare("d-1", "school-a", "staff-1", T0);

        List<DisclosureView> mine = projection.handle(new FindMyDisclosures("school-a", "staff-1"));
        assertThat(mine).singleElement().satisfies(view -> {
            assertThat(view.disclosureId()).isEqualTo("d-1");
            assertThat(view.decision()).isNull();
            assertThat(view.reconfirmationOverdue()).isFalse();
        });
    }

    @Test
    void thePrincipalsListingFiltersByStateAndDecisionWithinTheSchool() {
        declare("d-1", "school-a", "staff-1", T0);
        projection.on(decided("d-1", 1, DisclosureDecision.PERMITTED_TRANSPARENT, T0));
        declare("d-2", "school-a", "staff-2", T0.plusSeconds(60));
        projection.on(decided("d-2", 1, DisclosureDecision.PERMITTED, T0.plusSeconds(60)));
        declare("d-3", "school-b", "staff-3", T0);
        projection.on(decided("d-3", 1, DisclosureDecision.PERMITTED_TRANSPARENT, T0));

        assertThat(ids(projection.handle(new FindSchoolDisclosures("school-a", null, null, null)))).containsExactly("d-2", "d-1");
        assertThat(ids(projection.handle(new FindSchoolDisclosures("school-a", DisclosureState.AWAITING_REVIEW, null, null))))
                .containsExactly("d-1");
        assertThat(ids(projection.handle(new FindSchoolDisclosures("school-a", null, DisclosureDecision.PERMITTED, null))))
                .containsExactly("d-2");
    }

    @Test
    void anAmendmentReplacesTheVersionAndClearsTheEarlierReview() {
        declare("d-1", "school-a", "staff-1", T0);
        projection.on(decided("d-1", 1, DisclosureDecision.PERMITTED_TRANSPARENT, T0));
        projection.on(new DisclosureReviewed("d-1", "school-a", 1, "principal-1", ReviewResult.CONDITIONS_ATTACHED,
                "no direct messages", "fine with conditions", T0.plusSeconds(10)));
        assertThat(only().reviewConditions()).isEqualTo("no direct messages");

        projection.on(new DisclosureAmended("d-1", "school-a", "staff-1", 2, details(RelationshipBasis.FAMILY_FRIEND),
                T0.plusSeconds(20)));
        projection.on(decided("d-1", 2, DisclosureDecision.PERMITTED_TRANSPARENT, T0.plusSeconds(20)));

        DisclosureView view = only();
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.details().basis()).isEqualTo(RelationshipBasis.FAMILY_FRIEND);
        assertThat(view.state()).isEqualTo(DisclosureState.AWAITING_REVIEW);
        assertThat(view.reviewResult()).isNull();
        assertThat(view.reviewConditions()).isNull();
        assertThat(view.declaredAt()).isEqualTo(T0);
    }

    @Test
    void aWithdrawalKeepsTheDisclosureWithItsReason() {
        declare("d-1", "school-a", "staff-1", T0);
        projection.on(decided("d-1", 1, DisclosureDecision.PERMITTED, T0));
        projection.on(new DisclosureWithdrawn("d-1", "school-a", "staff-1", "ended", T0.plusSeconds(5)));

        assertThat(only().state()).isEqualTo(DisclosureState.WITHDRAWN);
        assertThat(only().withdrawalReason()).isEqualTo("ended");
    }

    @Test
    void replayingTheSameEventsLeavesTheSameView() {
        declare("d-1", "school-a", "staff-1", T0);
        projection.on(decided("d-1", 1, DisclosureDecision.PERMITTED_TRANSPARENT, T0));
        DisclosureView first = only();

        declare("d-1", "school-a", "staff-1", T0);
        projection.on(decided("d-1", 1, DisclosureDecision.PERMITTED_TRANSPARENT, T0));

        assertThat(only()).isEqualTo(first);
    }

    private DisclosureView only() {
        List<DisclosureView> views = projection.handle(new FindMyDisclosures("school-a", "staff-1"));
        assertThat(views).hasSize(1);
        return views.get(0);
    }

    private void declare(String id, String school, String declarer, Instant at) {
        projection.on(new RelationshipDeclared(id, school, declarer, 1, details(RelationshipBasis.STAFF_IS_PARENT), at));
    }

    private static DisclosureDecided decided(String id, int version, DisclosureDecision decision, Instant at) {
        DisclosureRule rule = decision == DisclosureDecision.PERMITTED ? DisclosureRule.STAFF_OR_OTHER
                : DisclosureRule.P10_PARENT_OTHER;
        return new DisclosureDecided(id, "school-a", version, decision, rule, DAY, null, at, "staff-1",
                CounterpartType.PARENT, DAY.plusYears(1));
    }

    private static RelationshipDetails details(RelationshipBasis basis) {
        return new RelationshipDetails(CounterpartType.PARENT, "Pat Parent", LocalDate.of(1985, 3, 1), basis, null,
                List.of("Facebook", "WhatsApp"), "our children are friends");
    }

    private static List<String> ids(List<DisclosureView> views) {
        return views.stream().map(DisclosureView::disclosureId).toList();
    }
}
