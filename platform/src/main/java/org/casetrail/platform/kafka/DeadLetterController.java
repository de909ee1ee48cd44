package org.casetrail.platform.kafka;

import org.casetrail.contracts.Role;
import org.casetrail.platform.domain.NotFound;
import org.casetrail.platform.security.ActsAs;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The operator's replay of a dead-letter topic after a fix (architecture.md): ADMIN only, and only
 * for the topics this service consumes.
 */
@RestController
public class DeadLetterController {

    private final DeadLetterReplay replay;

    public DeadLetterController(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @PostMapping("/api/v1/admin/dead-letters/{topic}/replay")
    @ActsAs(Role.ADMIN)
    public Map<String, Object> replay(@PathVariable String topic) {
        if (!replay.replayableTopics().contains(topic)) {
            throw new NotFound("dead-letter topic of " + topic);
        }
        return Map.of("topic", topic, "replayed", replay.replay(topic));
    }
}
