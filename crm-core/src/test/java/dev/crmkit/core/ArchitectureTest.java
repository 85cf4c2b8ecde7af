package dev.crmkit.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("crm-core's architecture")
class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void load() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.crmkit.core");
    }

    @Test
    @DisplayName("time comes from the injected clock only")
    void noSystemTime() {
        noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("every time in crmkit comes from the Clock given to Crm.builder()")
                .check(core);
        noClasses().that().doNotHaveFullyQualifiedName(Crm.Builder.class.getName())
                .should().callMethod(Clock.class, "systemUTC").orShould().callMethod(Clock.class, "systemDefaultZone")
                .because("only the builder picks the default clock").check(core);
    }

    @Test
    @DisplayName("rule classes never touch the storage ports")
    void rulesArePure() {
        classes().that().haveSimpleNameEndingWith("Rule").should().onlyDependOnClassesThat()
                .resideOutsideOfPackage("dev.crmkit.spi..")
                .because("rules get values and return results; services read and write storage")
                .check(core);
    }

    @Test
    @DisplayName("feature packages have no cycles")
    void noCycles() {
        slices().matching("dev.crmkit.core.(*)..").should().beFreeOfCycles().check(core);
    }
}
