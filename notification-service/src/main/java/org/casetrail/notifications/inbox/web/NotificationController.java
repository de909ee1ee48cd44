package org.casetrail.notifications.inbox.web;

import org.casetrail.notifications.inbox.Inbox;
import org.casetrail.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Every user has an inbox; each sees and marks only their own entries. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private final Inbox inbox;
    private final NotificationMapper mapper;

    NotificationController(Inbox inbox, NotificationMapper mapper) {
        this.inbox = inbox;
        this.mapper = mapper;
    }

    @GetMapping
    List<NotificationResponse> mine(CurrentUser user) {
        return mapper.toResponses(inbox.of(user.schoolId(), user.userId()));
    }

    @PostMapping("/{notificationId}/read")
    void read(@PathVariable String notificationId, CurrentUser user) {
        inbox.markRead(user.schoolId(), user.userId(), notificationId);
    }

    @PostMapping("/{notificationId}/acknowledge")
    void acknowledge(@PathVariable String notificationId, CurrentUser user) {
        inbox.acknowledge(user.schoolId(), user.userId(), notificationId);
    }
}
