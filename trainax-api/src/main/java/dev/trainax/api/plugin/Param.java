package dev.trainax.api.plugin;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Declares a record component as a plugin parameter: the component's name is the parameter's name,
 * its Java type gives the value type, and this annotation adds the description, default and range.
 * {@link RecordParameters} derives spec binding, validation, listings and resolved specs from it,
 * so a parameter is declared exactly once.
 *
 * <p>Types: {@code int}, {@code double}, {@code boolean}, {@code String}, any enum (spec values are
 * its constants in lower case, {@code _} written {@code -}), {@code double[]}, a plugin product
 * type such as {@link dev.trainax.api.TimeLevelLoss}, or a {@code List} of one. A component whose
 * type is a record of shared parameters is marked {@link ParamGroup} instead.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {

    /** What the parameter means, one short phrase. */
    String value();

    /**
     * The default as specs would write it ({@code "1"}, {@code "0.5"}, {@code "true"}, {@code "relu"},
     * a plugin id); empty for none. A parameter with neither a default nor {@link #optional()} is required.
     */
    String defaultValue() default "";

    /** Whether the parameter may be absent (the component is then {@code null}). */
    boolean optional() default false;

    /** Inclusive lower bound of a number. */
    double min() default Double.NEGATIVE_INFINITY;

    /** Whether {@link #min()} itself is excluded: {@code min = 0, minExclusive = true} reads "> 0". */
    boolean minExclusive() default false;

    /** Inclusive upper bound of a number. */
    double max() default Double.POSITIVE_INFINITY;

    /** The allowed values of a {@code String} parameter; empty for any text. */
    String[] oneOf() default {};
}
