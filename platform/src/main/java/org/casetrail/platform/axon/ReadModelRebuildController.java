package org.casetrail.platform.axon;

import org.casetrail.contracts.Role;
import org.casetrail.platform.security.ActsAs;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** The ADMIN's rebuild of this service's read models, and its progress. */
@RestController
public class ReadModelRebuildController {

    private final ReadModelRebuild rebuild;

    public ReadModelRebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/v1/admin/read-models/rebuild")
    @ActsAs(Role.ADMIN)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, List<String>> rebuild() {
        return Map.of("rebuilding", rebuild.start());
    }

    @GetMapping("/api/v1/admin/read-models/rebuild")
    @ActsAs(Role.ADMIN)
    public Map<String, ReadModelRebuild.Progress> progress() {
        return rebuild.progress();
    }
}
