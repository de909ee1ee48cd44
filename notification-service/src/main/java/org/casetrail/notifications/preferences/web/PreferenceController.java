package org.casetrail.notifications.preferences.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.casetrail.notifications.preferences.NormalItems;
import org.casetrail.notifications.preferences.Preferences;
import org.casetrail.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notification preference (an addition to api.md); nobody reads or sets another's. */
@RestController
@RequestMapping("/api/v1/notifications/preferences")
class PreferenceController {

    private final Preferences preferences;
    private final PreferenceMapper mapper;

    PreferenceController(Preferences preferences, PreferenceMapper mapper) {
        this.preferences = preferences;
        this.mapper = mapper;
    }

    @GetMapping
    PreferenceResponse mine(CurrentUser user) {
        return mapper.toResponse(preferences.of(user.schoolId(), user.userId()));
    }

    @PutMapping
    PreferenceResponse change(@Valid @RequestBody PreferenceRequest request, CurrentUser user) {
        return mapper.toResponse(preferences.set(user.schoolId(), user.userId(), request.normalItems()));
    }

    record PreferenceRequest(@NotNull NormalItems normalItems) {
    }

    /** @param urgentItems always EMAIL: urgent items are e-mailed whatever the preference */
    record PreferenceResponse(NormalItems normalItems, String urgentItems, java.time.Instant updatedAt) {
    }
}
