package dev.rapport.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The core's shape: it never depends on a chat platform (no Slack SDK, Bolt or JDA type anywhere in it), its feature
 * packages depend on each other one way only, and its entities stay inside it.
 */
class CoreArchitectureTest {

    /**
     * No cycle among the core's packages: a feature that needs to tell another of a change publishes an event
     * (a pair started, a participant's time zone changed) rather than calling back up.
     */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.rapport.core.(*)..")
            .should()
            .beFreeOfCycles()
            .because("each feature's dependencies point one way, so it can be read and changed on its own");

    static final ArchRule CORE_IS_PLATFORM_FREE = noClasses()
            .that()
            .resideInAPackage("dev.rapport..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.slack..", "net.dv8tion..", "club.minnced..")
            .because("the core speaks only its own chat model; adapters translate");

    @Test
    void the_core_depends_on_no_slack_or_discord_type() {
        JavaClasses core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.rapport.core");
        assertThat(core).as("the core's classes were found").hasSizeGreaterThan(50);
        CORE_IS_PLATFORM_FREE.check(core);
    }

    @Test
    void the_rule_rejects_a_class_that_imports_a_platform_type() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.rapport.archfixture");
        EvaluationResult result = CORE_IS_PLATFORM_FREE.evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("FakeSlackType");
    }

    @Test
    void the_core_packages_depend_on_each_other_without_cycles() {
        NO_PACKAGE_CYCLES.check(core());
    }

    @Test
    void the_cycle_rule_finds_a_cycle_between_two_packages() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.rapport.core.cyclefixture");
        assertThat(fixture).as("the fixture's classes were found").isNotEmpty();
        EvaluationResult result = slices().matching("dev.rapport.core.cyclefixture.(*)..")
                .should()
                .beFreeOfCycles()
                .evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
    }

    private static JavaClasses core() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.rapport.core");
    }

    @Test
    void domain_entities_stay_inside_the_core() {
        JavaClasses core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.rapport.core");
        noClasses()
                .that()
                .areAnnotatedWith(jakarta.persistence.Entity.class)
                .should()
                .bePublic()
                .because("adapters see records and commands, never JPA entities")
                .check(core);
    }
}
