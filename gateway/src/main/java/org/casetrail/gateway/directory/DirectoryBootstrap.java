package org.casetrail.gateway.directory;

import org.casetrail.contracts.Actor;
import org.casetrail.contracts.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * The first ADMIN of a school ({@code casetrail.gateway.directory.bootstrap-admin.*}), created through
 * the same {@link DirectoryService} as everyone else, so it is stored and published like any user.
 * Everyone after them comes in through the admin API.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 20)
class DirectoryBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DirectoryBootstrap.class);

    private final DirectoryService directory;
    private final DirectoryStore store;
    private final DirectoryProperties properties;

    DirectoryBootstrap(DirectoryService directory, DirectoryStore store, DirectoryProperties properties) {
        this.directory = directory;
        this.store = store;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        DirectoryProperties.BootstrapAdmin admin = properties.bootstrapAdmin();
        if (admin == null || store.findByUsername(admin.username()).isPresent()) {
            return;
        }
        directory.ensureSchool(admin.schoolId(), admin.schoolName());
        DirectoryUser created = directory.create(new DirectoryService.NewUser(admin.schoolId(), admin.username(),
                admin.displayName(), admin.email(), Set.of(Role.ADMIN), null), Actor.system("directory"), null);
        log.info("directory: bootstrap admin {} of school {} created with userId {}", admin.username(),
                admin.schoolId(), created.userId());
    }
}
