package org.casetrail.disclosures;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The arrows point one way (style.md): web → command/query → api; the domain messages in api know
 * no Spring, Mongo or Kafka; nothing reaches into another service.
 */
@AnalyzeClasses(packages = "org.casetrail.disclosures", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule nothingDependsOnTheWebLayer = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("..web..");

    @ArchTest
    static final ArchRule commandSideDoesNotReadTheReadModels = noClasses().that().resideInAPackage("..command..")
            .should().dependOnClassesThat().resideInAPackage("..query..");

    @ArchTest
    static final ArchRule domainMessagesAreFreeOfInfrastructure = noClasses().that().resideInAPackage("..api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                    "org.apache.kafka..");

    @ArchTest
    static final ArchRule noOtherServiceIsReached = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.casetrail.cases..",
                    "org.casetrail.notifications..", "org.casetrail.gateway..");
}
