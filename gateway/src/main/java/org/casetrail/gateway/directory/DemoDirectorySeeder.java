package org.casetrail.gateway.directory;

import org.casetrail.contracts.Actor;
import org.casetrail.contracts.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The demo school of api.md, created on start-up of the embedded profile if absent, through the
 * same {@link DirectoryService} an admin uses, so the demo users are published like anyone else.
 */
@Component
@Profile("embedded")
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class DemoDirectorySeeder implements ApplicationRunner {

    public static final String DEMO_SCHOOL = "demo-school";
    public static final String OTHER_SCHOOL = "other-school";
    static final Actor SEEDER = Actor.system("directory");
    private static final Logger log = LoggerFactory.getLogger(DemoDirectorySeeder.class);

    public record DemoUser(String schoolId, String username, String displayName, Set<Role> roles) {

        public String userId() {
            return DirectoryUser.idFor(schoolId, username);
        }

        public String email() {
            return username + "@" + schoolId + ".example";
        }
    }

    public static final List<DemoUser> DEMO_USERS = List.of(
            demo("sam.staff", "Sam Staff", Role.STAFF),
            demo("tara.teacher", "Tara Teacher", Role.STAFF),
            demo("dina.dsl", "Dina DSL", Role.DSL, Role.STAFF),
            demo("hana.hr", "Hana HR", Role.HR, Role.STAFF),
            demo("paul.principal", "Paul Principal", Role.PRINCIPAL, Role.STAFF),
            demo("ivan.investigator", "Ivan Investigator", Role.INVESTIGATOR, Role.STAFF),
            demo("gwen.governor", "Gwen Governor", Role.GOVERNOR),
            demo("aldo.auditor", "Aldo Auditor", Role.AUDITOR),
            demo("ada.admin", "Ada Admin", Role.ADMIN),
            new DemoUser(OTHER_SCHOOL, "olga.other", "Olga Other", Set.of(Role.PRINCIPAL)),
            // The other school's own administrator: its users come in through the admin API like anyone's.
            new DemoUser(OTHER_SCHOOL, "oscar.admin", "Oscar Admin", Set.of(Role.ADMIN)));

    private final DirectoryService directory;
    private final DirectoryStore store;
    private final DirectoryProperties properties;

    public DemoDirectorySeeder(DirectoryService directory, DirectoryStore store, DirectoryProperties properties) {
        this.directory = directory;
        this.store = store;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        directory.ensureSchool(DEMO_SCHOOL, "Demo School");
        directory.ensureSchool(OTHER_SCHOOL, "Other School");
        int created = 0;
        for (DemoUser demo : DEMO_USERS) {
            if (store.findById(demo.userId()).isEmpty()) {
                directory.create(new DirectoryService.NewUser(demo.schoolId(), demo.username(), demo.displayName(),
                        demo.email(), demo.roles(), properties.demoPassword()), SEEDER, null);
                created++;
            }
        }
        log.info("demo directory: {} users created, {} present; sign in with POST /auth/token as any of {} "
                        + "(password '{}')", created, DEMO_USERS.size() - created,
                DEMO_USERS.stream().map(DemoUser::username).toList(), properties.demoPassword());
    }

    private static DemoUser demo(String username, String displayName, Role... roles) {
        return new DemoUser(DEMO_SCHOOL, username, displayName, EnumSet.of(roles[0], roles));
    }
}
