package dev.trainax.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.lang.ArchRule;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The dependency rules of the architecture, for any root package laid out like ours
 * ({@code root.api}, {@code root.<implementation>}, {@code root.cli}).
 */
public final class ArchitectureRules {

    /**
     * The implementation packages, which may depend on the api only; {@code metrics} holds one
     * module per metrics exporter ({@code metrics.prometheus}), so the callbacks cannot reach an exporter.
     */
    public static final List<String> IMPLEMENTATIONS = List.of("engine", "losses", "configs", "nn", "sampledata",
            "trainers", "callbacks", "metrics", "evaluation", "testkit");

    private ArchitectureRules() {
    }

    /** Every rule for packages under {@code root}. */
    public static List<ArchRule> all(String root) {
        List<ArchRule> rules = new ArrayList<>();
        rules.add(apiDependsOnNothingOfOurs(root));
        for (String implementation : IMPLEMENTATIONS) {
            rules.add(implementationDependsOnlyOnApi(root, implementation));
        }
        rules.add(noCycles(root));
        rules.add(onlyTheCliPrints(root));
        rules.add(registryLookupsOnlyAtTheEdge(root));
        return rules;
    }

    /** The api uses nothing of ours outside itself. */
    public static ArchRule apiDependsOnNothingOfOurs(String root) {
        return noClasses().that().resideInAPackage(root + ".api..").should().dependOnClassesThat()
                .resideInAnyPackage(others(root, "api")).because("the SPI must stay small and stable");
    }

    /** An implementation module depends on the api, never on another module of ours. */
    public static ArchRule implementationDependsOnlyOnApi(String root, String implementation) {
        List<String> forbidden = new ArrayList<>(List.of(others(root, implementation)));
        forbidden.remove(root + ".api..");
        return noClasses().that().resideInAPackage(root + "." + implementation + "..").should().dependOnClassesThat()
                .resideInAnyPackage(forbidden.toArray(new String[0]))
                .because("implementations find each other through providers")
                .allowEmptyShould(true);
    }

    /** No cycles between the top-level packages. */
    public static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** Nothing but the CLI prints to the standard streams. */
    public static ArchRule onlyTheCliPrints(String root) {
        DescribedPredicate<JavaCall<?>> printing = new DescribedPredicate<>("print to a PrintStream") {
            @Override
            public boolean test(JavaCall<?> call) {
                return call.getTargetOwner().isEquivalentTo(PrintStream.class)
                        && (call.getName().startsWith("print") || call.getName().equals("write"));
            }
        };
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".cli..")
                .should().callCodeUnitWhere(printing).because("libraries log; only the CLI talks to the terminal");
    }

    /**
     * Only the command line, the run plan and the Guice module discover plugins with
     * {@code PluginRegistry.load()}; everything else gets its engine, default loss and plugins passed
     * in, so the module graph shows what a module needs.
     */
    public static ArchRule registryLookupsOnlyAtTheEdge(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".cli..")
                .and().resideOutsideOfPackage(root + ".bench..")
                .and().doNotHaveFullyQualifiedName(root + ".trainers.RunPlan")
                .and().doNotHaveFullyQualifiedName(root + ".trainers.TrainaxModule")
                .should().callMethod(root + ".api.plugin.PluginRegistry", "load")
                .because("defaults are passed in by the run plan or the application's wiring");
    }

    private static String[] others(String root, String self) {
        List<String> packages = new ArrayList<>();
        List<String> all = new ArrayList<>(IMPLEMENTATIONS);
        all.add("api");
        all.add("cli");
        all.add("bench");
        for (String module : all) {
            if (!module.equals(self)) {
                packages.add(root + "." + module + "..");
            }
        }
        return packages.toArray(new String[0]);
    }
}
