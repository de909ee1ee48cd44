package org.casetrail.notifications.delivery.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.casetrail.contracts.Role;
import org.casetrail.notifications.delivery.query.DeliveriesProjection;
import org.casetrail.notifications.delivery.query.DeliveryView;
import org.casetrail.platform.security.ActsAs;
import org.casetrail.platform.security.CurrentUser;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Who was told what about a case, and when (domain.md, "Notifications"). Scoped to the caller's
 * school like every list: another school's case has no deliveries here (an empty list, as
 * {@code GET /api/v1/cases} filters), so nobody learns it exists; the same for the case's own
 * subject (a Principal may be the subject of a conduct case), as case-service hides a case from its subject.
 */
@RestController
@Validated
class DeliveryController {

    private final DeliveriesProjection deliveries;
    private final DeliveryMapper mapper;

    DeliveryController(DeliveriesProjection deliveries, DeliveryMapper mapper) {
        this.deliveries = deliveries;
        this.mapper = mapper;
    }

    @GetMapping("/api/v1/notifications/deliveries")
    @ActsAs({Role.AUDITOR, Role.PRINCIPAL})
    List<DeliveryResponse> ofCase(@RequestParam @NotBlank @Size(max = 64) String caseId, CurrentUser user) {
        List<DeliveryView> ofCase = deliveries.ofCase(user.schoolId(), caseId);
        // The subject is never told of an allegation before the hearing notice: not even who was told.
        if (ofCase.stream().anyMatch(delivery -> user.userId().equals(delivery.subjectUserId()))) {
            return List.of();
        }
        return mapper.toResponses(ofCase);
    }
}
