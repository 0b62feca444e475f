package io.callflow.sip.message;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** jain-sip stays behind the message API, so the layers above never depend on it. */
class JainSipConfinementTest {

  private final JavaClasses sipClasses = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.callflow.sip");

  @Test
  void onlyTheMessagePackageUsesJainSip() {
    noClasses().that().resideInAPackage("io.callflow.sip..")
        .and().resideOutsideOfPackage("io.callflow.sip.message")
        .should().dependOnClassesThat().resideInAnyPackage("javax.sip..", "gov.nist..")
        .because("only io.callflow.sip.message may import javax.sip or gov.nist")
        .check(sipClasses);
  }

  @Test
  void sipClassesWereFoundSoTheRuleIsNotVacuous() {
    assertThat(sipClasses.containPackage("io.callflow.sip.codec")).isTrue();
    assertThat(sipClasses).hasSizeGreaterThan(20);
  }
}
