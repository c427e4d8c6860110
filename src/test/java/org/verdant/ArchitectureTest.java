package org.verdant;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The packages show the stages of the flow, and no package depends on one that depends back on it. */
class ArchitectureTest {
    private static final String[] FACES = {"org.verdant.cli..", "org.verdant.serve..", "org.verdant.batch.."};
    private static JavaClasses classes;

    @BeforeAll
    static void read() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.verdant");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.verdant.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** The CLI, the service and batch compose nothing of the flow themselves: they call the application layer. */
    @Test
    void facesGoThroughTheApplicationLayer() {
        noClasses().that().resideInAnyPackage(FACES)
                .should().dependOnClassesThat().resideInAnyPackage("org.verdant.evaluation..", "org.verdant.session..",
                        "org.verdant.facts..", "org.verdant.findings..", "org.verdant.submission..", "org.verdant.explain..")
                .because("the faces call org.verdant.app, which reads, evaluates and renders")
                .check(classes);
        for (String face : List.of("org.verdant.cli", "org.verdant.serve", "org.verdant.batch")) {
            boolean usesApp = classes.stream().filter(c -> c.getPackageName().startsWith(face))
                    .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                    .map(Dependency::getTargetClass).map(JavaClass::getPackageName)
                    .anyMatch(p -> p.equals("org.verdant.app"));
            assertThat(usesApp).as(face + " calls org.verdant.app").isTrue();
        }
    }
}
