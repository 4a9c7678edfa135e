package dev.trainax.api.plugin;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Declares a record component as a group of plugin parameters: the component's type is itself a
 * record whose components carry {@link Param} (or, nested, {@code ParamGroup}), so plugins that
 * share a set of parameters declare it once. {@link RecordParameters} flattens the group into the
 * outer parameter list at the component's position, so specs stay flat
 * ({@code {id: diffusion-1d, highestInitMode: 3}}), and builds the group's record from the same
 * spec values. Parameter names must be unique across the flattened list.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface ParamGroup {
}
