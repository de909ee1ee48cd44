package org.casetrail.notifications;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The arrows point one way: web → inbox/intake → routing/directory; routing knows no infrastructure. */
@AnalyzeClasses(packages = "org.casetrail.notifications", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule routingIsPureData = noClasses().that().resideInAPackage("..routing..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                    "org.apache.kafka..", "..inbox..", "..intake..", "..directory..");

    @ArchTest
    static final ArchRule nothingDependsOnTheWebLayer = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("..web..");

    @ArchTest
    static final ArchRule noOtherServiceIsReached = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.casetrail.cases..", "org.casetrail.disclosures..",
                    "org.casetrail.gateway..");
}
