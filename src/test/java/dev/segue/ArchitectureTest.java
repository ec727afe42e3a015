package dev.segue;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package map of docs/architecture.md, as rules the build checks on the compiled service. */
class ArchitectureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.segue");

    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        slices().matching("dev.segue.(*)..").should().beFreeOfCycles().check(SERVICE);
    }
}
