package dev.rapport.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The core never depends on a chat platform: no Slack SDK, Bolt or JDA type anywhere in it. */
class CoreArchitectureTest {

    static final ArchRule CORE_IS_PLATFORM_FREE = noClasses()
            .that()
            .resideInAPackage("dev.rapport..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.slack..", "net.dv8tion..", "club.minnced..")
            .because("the core speaks only its own chat model; adapters translate (DESIGN.md, convention 2)");

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
    void domain_entities_stay_inside_the_core() {
        JavaClasses core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.rapport.core");
        noClasses()
                .that()
                .areAnnotatedWith(jakarta.persistence.Entity.class)
                .should()
                .bePublic()
                .because("adapters see records and commands, never JPA entities (DESIGN.md, convention 3)")
                .check(core);
    }
}
