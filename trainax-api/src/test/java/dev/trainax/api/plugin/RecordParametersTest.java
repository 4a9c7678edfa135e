package dev.trainax.api.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameter groups: flattened listing, binding, creation and validation through {@link RecordParameters}. */
class RecordParametersTest {

    record Deep(@Param(value = "innermost", defaultValue = "0.5", min = 0) double c) {
    }

    record Inner(@Param(value = "inner", defaultValue = "2", min = 1) int b, @ParamGroup Deep deep) {
        Inner {
            RecordParameters.check(Inner.class, b, deep);
        }
    }

    record Outer(@Param(value = "first", defaultValue = "1") int a, @ParamGroup Inner inner,
                 @Param(value = "last", optional = true) String z) {
        Outer {
            RecordParameters.check(Outer.class, a, inner, z);
        }
    }

    record Clash(@Param(value = "clashes", defaultValue = "3") int b, @ParamGroup Inner inner) {
    }

    private final RecordParameters<Outer> outer = RecordParameters.of(Outer.class, MethodHandles.lookup());

    @Test
    void groupsAreFlattenedInComponentOrder() {
        assertEquals("[a, b, c, z]", PluginParameter.names(outer.parameters()).toString());
        assertEquals("b (integer ≥ 1) = 2", outer.parameters().get(1).summary());
        assertEquals("innermost", outer.parameters().get(2).description());
    }

    @Test
    void flatSpecValuesBuildTheNestedRecords() {
        Outer built = outer.create(Map.of("b", 5, "c", 1.5, "z", "text"), "network", null);
        assertEquals(new Outer(1, new Inner(5, new Deep(1.5)), "text"), built);
        assertEquals(new Outer(1, new Inner(2, new Deep(0.5)), null), outer.create(Map.of(), "network", null));
    }

    @Test
    void groupParametersAreValidatedWhereTheSpecSaysSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> outer.create(Map.of("c", -1.0), "network", null));
        assertTrue(e.getMessage().startsWith("network.c: "), e.getMessage());
    }

    @Test
    void duplicateNamesAcrossGroupsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordParameters.declared(Clash.class));
        assertTrue(e.getMessage().contains("parameter 'b' is declared twice, by b and by inner.b"), e.getMessage());
    }

    @Test
    void checkRejectsAMissingGroupByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Outer(1, null, null));
        assertEquals("inner: required group of parameters [b, c] but was not given", e.getMessage());
    }

    @Test
    void checkLetsTheGroupValidateItself() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Outer(1, new Inner(0, new Deep(0.5)), null));
        assertTrue(e.getMessage().startsWith("b: "), e.getMessage());
    }

    @Test
    void unknownKeysAreNamedWithTheFlattenedParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> outer.create(Map.of("inner", 1), "network", null));
        assertTrue(e.getMessage().startsWith("network.inner: unknown parameter"), e.getMessage());
        assertTrue(e.getMessage().endsWith("known: [a, b, c, z]"), e.getMessage());
    }
}
