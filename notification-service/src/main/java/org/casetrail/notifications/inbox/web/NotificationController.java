package org.casetrail.notifications.inbox.web;

import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.casetrail.notifications.delivery.api.NotificationCommands.AcknowledgeNotification;
import org.casetrail.notifications.delivery.api.NotificationCommands.ReadNotification;
import org.casetrail.notifications.inbox.Inbox;
import org.casetrail.platform.axon.ReadModelCatchUp;
import org.casetrail.platform.security.CurrentUser;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Every user has an inbox; each sees and marks only their own entries. Reading and acknowledging
 * are commands to the entry's {@code Notification}, so the delivery record shows them too.
 */
@RestController
@RequestMapping("/api/v1/notifications")
@Validated
class NotificationController {

    private final Inbox inbox;
    private final NotificationMapper mapper;
    private final CommandGateway commands;
    private final ReadModelCatchUp readModels;

    NotificationController(Inbox inbox, NotificationMapper mapper, CommandGateway commands, ReadModelCatchUp readModels) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.commands = commands;
        this.readModels = readModels;
    }

    @GetMapping
    List<NotificationResponse> mine(CurrentUser user) {
        return mapper.toResponses(inbox.of(user.schoolId(), user.userId()));
    }

    @PostMapping("/{notificationId}/read")
    void read(@PathVariable @Size(max = 64) String notificationId, CurrentUser user) {
        commands.sendAndWait(new ReadNotification(notificationId, user.schoolId(), user.userId()));
        // The inbox is built by a tracking processor: the caller's next GET shows the read.
        readModels.awaitCurrent();
    }

    /** A safeguarding concern's notification answers 409: the DSL acknowledges it on the case (P6). */
    @PostMapping("/{notificationId}/acknowledge")
    void acknowledge(@PathVariable @Size(max = 64) String notificationId, CurrentUser user) {
        commands.sendAndWait(new AcknowledgeNotification(notificationId, user.schoolId(), user.userId()));
        readModels.awaitCurrent();
    }
}
