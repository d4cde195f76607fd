package io.taskflow.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.taskflow.core.event.AvroValues;
import io.taskflow.core.task.CreateTask;
import io.taskflow.core.testing.InMemoryTaskStore;
import org.junit.jupiter.api.Test;

/**
 * The core is plain Java: it must run unchanged on every cloud, so it may use nothing but the JDK, itself and the
 * small pure libraries named here.
 */
class CoreHasNoFrameworkDependenciesTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.taskflow.core");

    static final ArchRule ONLY_JDK_AND_CORE = classes()
            .that()
            .resideInAPackage("io.taskflow.core..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.taskflow.core..", "org.dmfs..")
            .because("the core domain is cloud-neutral and framework-free: the JDK plus small pure libraries"
                    + " (lib-recur, org.dmfs, computes RFC 5545 recurrence rules)");

    static final ArchRule NO_FRAMEWORKS = noClasses()
            .that()
            .resideInAPackage("io.taskflow.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.micronaut..",
                    "org.apache.kafka..",
                    "io.dapr..",
                    "com.amazonaws..",
                    "software.amazon..",
                    "com.google..",
                    "com.azure..",
                    "com.microsoft..",
                    "jakarta..",
                    "javax..",
                    "org.springframework..",
                    "io.cloudevents..",
                    "org.apache.avro..",
                    "com.fasterxml..",
                    "org.slf4j..",
                    "io.opentelemetry..",
                    "io.netty..",
                    "reactor..",
                    "org.reactivestreams..")
            .because("runtimes adapt the core, never the other way round");

    @Test
    void coreClassesDependOnlyOnTheJdkAndTheCore() {
        ONLY_JDK_AND_CORE.check(CORE);
    }

    @Test
    void coreClassesUseNoFrameworkOrCloudSdk() {
        NO_FRAMEWORKS.check(CORE);
    }

    @Test
    void theRuleSeesTheMainClassesAndNoTestClasses() {
        assertThat(CORE.contain(CreateTask.class)).isTrue();
        assertThat(CORE.stream().map(JavaClass::getName))
                .doesNotContain(InMemoryTaskStore.class.getName(), getClass().getName(), AvroValues.class.getName());
    }

    @Test
    void theRulesCatchACoreClassThatUsesAFrameworkType() {
        // A test helper in the core's packages that uses Avro: exactly what the rules must refuse in main code.
        JavaClasses offender = new ClassFileImporter().importClasses(AvroValues.class);

        assertThat(ONLY_JDK_AND_CORE.evaluate(offender).hasViolation()).isTrue();
        assertThat(NO_FRAMEWORKS.evaluate(offender).hasViolation()).isTrue();
    }
}
