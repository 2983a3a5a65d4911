package dev.sightline.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.sightline.query");

  @Test
  void apiReachesStorageOnlyThroughDomainInterfaces() {
    noClasses()
        .that()
        .resideInAPackage("..query.api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..query.storage..")
        .because("resources depend on domain interfaces (TraceStore, ApiKeyStore); add one there")
        .check(CLASSES);
  }

  @Test
  void domainStaysFreeOfFrameworksAndAdapters() {
    noClasses()
        .that()
        .resideInAPackage("..query.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..",
            "jakarta..",
            "..query.api..",
            "..query.storage..",
            "..query.messaging..")
        .because("domain is pure logic, unit-tested without a Quarkus boot")
        .check(CLASSES);
  }
}
