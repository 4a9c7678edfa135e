package dev.trainax.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    /** Our built modules, found where the module system loaded them from. */
    static JavaClasses projectClasses() {
        List<Location> locations = new ArrayList<>();
        for (String module : List.of("api", "engine", "losses", "configs", "nn", "sampledata", "trainers",
                "callbacks", "evaluation", "metrics.prometheus", "testkit", "cli")) {
            URI uri = ModuleLayer.boot().configuration().findModule("dev.trainax." + module)
                    .orElseThrow(() -> new AssertionError("module dev.trainax." + module + " not on the module path"))
                    .reference().location().orElseThrow();
            locations.add(Location.of(uri));
        }
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importLocations(locations);
    }

    @Test
    void theProjectFollowsTheArchitecture() {
        JavaClasses classes = projectClasses();
        assertTrue(classes.size() > 50, "imported " + classes.size() + " classes");
        for (ArchRule rule : ArchitectureRules.all("dev.trainax")) {
            rule.check(classes);
        }
    }

    @Test
    void theRulesCatchForbiddenDependenciesCyclesPrintingAndHiddenLookups() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.trainax.archfixture");
        String root = "dev.trainax.archfixture";
        assertViolated(ArchitectureRules.apiDependsOnNothingOfOurs(root), fixture, "Spi");
        assertViolated(ArchitectureRules.implementationDependsOnlyOnApi(root, "engine"), fixture, "Config");
        assertViolated(ArchitectureRules.noCycles(root), fixture, "Cycle");
        assertViolated(ArchitectureRules.onlyTheCliPrints(root), fixture, "println");
        assertViolated(ArchitectureRules.registryLookupsOnlyAtTheEdge(root), fixture, "HiddenLookup");
    }

    private static void assertViolated(ArchRule rule, JavaClasses classes, String expected) {
        EvaluationResult result = rule.evaluate(classes);
        assertTrue(result.hasViolation(), "expected a violation of: " + rule.getDescription());
        String report = result.getFailureReport().toString();
        assertTrue(report.contains(expected), report);
        assertFalse(report.isBlank());
    }
}
