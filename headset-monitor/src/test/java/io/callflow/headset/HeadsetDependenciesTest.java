package io.callflow.headset;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** headset-monitor is wired by ops and sip-adapter, never the other way round, and knows no transport. */
class HeadsetDependenciesTest {

  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.callflow.headset");

  @Test
  void headsetMonitorDependsOnlyOnCoreMicrometerJacksonAndSlf4j() {
    // The Prometheus packages serve only the call MOS histogram (metrics.MosHistogram says why).
    classes().that().resideInAPackage("io.callflow.headset..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("io.callflow.headset..", "io.callflow.core..",
            "io.micrometer.core..", "io.micrometer.prometheusmetrics..", "io.prometheus.metrics..",
            "com.fasterxml.jackson..", "org.slf4j..", "java..")
        .because("Netty, jain-sip and the other modules belong to ops and sip-adapter")
        .check(classes);
  }

  @Test
  void theRuleSeesTheModuleSoItIsNotVacuous() {
    assertThat(classes).hasSizeGreaterThan(30);
  }
}
