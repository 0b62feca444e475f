package io.callflow.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** core is the engine every adapter plugs into: it may see the JDK and slf4j, nothing else. */
class CoreDependenciesTest {

  private final JavaClasses coreClasses = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.callflow.core");

  @Test
  void coreDependsOnlyOnTheJdkAndSlf4j() {
    ArchRule rule = classes().that().resideInAPackage("io.callflow.core..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("io.callflow.core..", "java..", "javax.annotation..", "org.slf4j..")
        .because("core must not import Netty, jain-sip, Micrometer or another module");
    rule.check(coreClasses);
  }

  @Test
  void coreClassesWereFoundSoTheRuleIsNotVacuous() {
    org.assertj.core.api.Assertions.assertThat(coreClasses).hasSizeGreaterThan(5);
  }
}
