package dev.trainax.api.plugin;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The plugin parameters of a record whose components carry {@link Param}: derived once per record
 * class, they bind and validate spec values, list the plugin and build the record through its
 * canonical constructor. Records call {@link #check} in their compact constructor so that Java
 * construction is validated by the same declaration.
 *
 * <p>A component marked {@link ParamGroup} contributes the parameters of its own record type, in
 * place and flattened (groups may nest); the group's record is built from the same arguments.
 *
 * @param <R> the record type
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RecordParameters<R extends Record> {

    private static final ClassValue<Declaration> DECLARED = new ClassValue<>() {
        @Override
        protected Declaration computeValue(Class<?> type) {
            return derive(type);
        }
    };

    private final Class<R> type;
    private final List<PluginParameter> parameters;
    /** The canonical constructors of the record and of every group record inside it. */
    private final Map<Class<?>, MethodHandle> constructors = new HashMap<>();

    private RecordParameters(Class<R> type, MethodHandles.Lookup lookup) {
        this.type = type;
        this.parameters = declared(type);
        findConstructors(type, lookup);
    }

    private void findConstructors(Class<?> record, MethodHandles.Lookup lookup) {
        Class<?>[] types = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            constructors.put(record, lookup.findConstructor(record, MethodType.methodType(void.class, types)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("record " + record.getName() + ": its canonical constructor is not "
                    + "accessible with the given lookup (pass MethodHandles.lookup() from the record's module)", e);
        }
        for (Component component : DECLARED.get(record).components()) {
            if (component.parameter() == null) {
                findConstructors(component.type(), lookup);
            }
        }
    }

    /**
     * The parameters of {@code type}, built through its canonical constructor, which {@code lookup}
     * (normally {@code MethodHandles.lookup()} in the plugin's own code) must be able to access.
     *
     * @throws IllegalArgumentException if a component lacks {@link Param} or {@link ParamGroup}, has an
     *                                  unsupported type, or two parameters share a name
     */
    public static <R extends Record> RecordParameters<R> of(Class<R> type, MethodHandles.Lookup lookup) {
        return new RecordParameters<>(type, lookup);
    }

    /** The parameters declared by the components of {@code type}, in component order, groups flattened. */
    public static List<PluginParameter> declared(Class<? extends Record> type) {
        return DECLARED.get(type).parameters();
    }

    /**
     * Validates the values of a record's components, in component order, against their
     * declarations: ranges, choices, finite numbers, required values. Call it first in a compact
     * constructor: {@code RecordParameters.check(Supervised.class, numRolloutSteps, ...)}. A group
     * component takes its record, which validates itself when built, and must not be null.
     *
     * @throws IllegalArgumentException naming the first invalid component and its allowed values
     */
    public static void check(Class<? extends Record> type, Object... values) {
        List<Component> components = DECLARED.get(type).components();
        if (values.length != components.size()) {
            throw new IllegalStateException(type.getName() + ": check got " + values.length + " values for "
                    + components.size() + " components");
        }
        for (int i = 0; i < values.length; i++) {
            PluginParameter parameter = components.get(i).parameter();
            if (parameter == null) {
                if (values[i] == null) {
                    throw new IllegalArgumentException(components.get(i).name() + ": required group of parameters "
                            + PluginParameter.names(DECLARED.get(components.get(i).type()).parameters())
                            + " but was not given");
                }
            } else if (values[i] == null) {
                if (parameter.required()) {
                    throw new IllegalArgumentException(parameter.name() + ": required (" + parameter.allowedValues()
                            + ") but was not given");
                }
            } else {
                parameter.bind(values[i] instanceof Enum<?> e ? specName(e) : values[i], parameter.name(), null);
            }
        }
    }

    /** The record type. */
    public Class<R> type() {
        return type;
    }

    /** The derived parameters, in component order. */
    public List<PluginParameter> parameters() {
        return parameters;
    }

    /** Builds the record, and its groups' records, from arguments bound to {@link #parameters()}. */
    public R create(PluginArguments arguments) {
        return type.cast(build(type, arguments.values()));
    }

    private Object build(Class<?> record, Map<String, Object> arguments) {
        List<Component> components = DECLARED.get(record).components();
        Object[] values = new Object[components.size()];
        for (int i = 0; i < values.length; i++) {
            Component component = components.get(i);
            values[i] = component.parameter() == null ? build(component.type(), arguments)
                    : toComponent(component.type(), arguments.get(component.name()));
        }
        try {
            return constructors.get(record).invokeWithArguments(values);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("constructing " + record.getName() + " failed", e);
        }
    }

    /** Binds raw spec values of the section at {@code path} and builds the record; errors name the path. */
    public R create(Map<String, ?> raw, String path, PluginRegistry registry) {
        return create(PluginArguments.bind(path.substring(path.lastIndexOf('.') + 1), parameters, raw, path, registry));
    }

    /** The spec form of an enum constant: lower case, {@code -} for {@code _}. */
    public static String specName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Object toComponent(Class<?> componentType, Object value) {
        if (value instanceof String text && componentType.isEnum()) {
            for (Object constant : componentType.getEnumConstants()) {
                if (specName((Enum<?>) constant).equals(text)) {
                    return constant;
                }
            }
        }
        return value;
    }

    /**
     * One record component: its parameter, or null for a group.
     *
     * @param name      the component's name
     * @param type      the component's type (a group's record type)
     * @param parameter the parameter it declares; null for a group
     */
    private record Component(String name, Class<?> type, PluginParameter parameter) {
    }

    /**
     * What one record class declares.
     *
     * @param components its components, in order
     * @param parameters its parameters, groups flattened
     * @param origins    for each parameter name, the component path that declares it, for messages
     */
    private record Declaration(List<Component> components, List<PluginParameter> parameters,
                               Map<String, String> origins) {
    }

    private static Declaration derive(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        List<Component> components = new ArrayList<>();
        List<PluginParameter> parameters = new ArrayList<>();
        Map<String, String> origins = new HashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            Param param = component.getAnnotation(Param.class);
            boolean group = component.isAnnotationPresent(ParamGroup.class);
            if ((param != null) == group) {  // exactly one of the two
                throw new IllegalArgumentException(type.getName() + "." + name
                        + ": every component of a parameter record needs either @Param or @ParamGroup");
            }
            if (group) {
                Declaration declaration = DECLARED.get(component.getType());
                components.add(new Component(name, component.getType(), null));
                for (PluginParameter parameter : declaration.parameters()) {
                    add(type, parameter, name + "." + declaration.origins().get(parameter.name()), parameters,
                            origins);
                }
            } else {
                PluginParameter parameter = parameter(type, component, param);
                components.add(new Component(name, component.getType(), parameter));
                add(type, parameter, name, parameters, origins);
            }
        }
        return new Declaration(List.copyOf(components), List.copyOf(parameters), Map.copyOf(origins));
    }

    /** Adds {@code parameter}, declared at {@code origin}, refusing a second parameter of the same name. */
    private static void add(Class<?> owner, PluginParameter parameter, String origin, List<PluginParameter> parameters,
                            Map<String, String> origins) {
        String first = origins.putIfAbsent(parameter.name(), origin);
        if (first != null) {
            throw new IllegalArgumentException(owner.getName() + ": parameter '" + parameter.name()
                    + "' is declared twice, by " + first + " and by " + origin);
        }
        parameters.add(parameter);
    }

    private static PluginParameter parameter(Class<?> owner, RecordComponent component, Param param) {
        String name = component.getName();
        Class<?> javaType = component.getType();
        PluginParameter.Type type;
        PluginKind kind = null;
        List<String> choices = List.of(param.oneOf());
        if (javaType == int.class || javaType == Integer.class) {
            type = PluginParameter.Type.INTEGER;
        } else if (javaType == double.class || javaType == Double.class) {
            type = PluginParameter.Type.NUMBER;
        } else if (javaType == boolean.class || javaType == Boolean.class) {
            type = PluginParameter.Type.BOOLEAN;
        } else if (javaType == String.class) {
            type = PluginParameter.Type.STRING;
        } else if (javaType.isEnum()) {
            type = PluginParameter.Type.STRING;
            choices = Arrays.stream(javaType.getEnumConstants()).map(c -> specName((Enum<?>) c)).toList();
        } else if (javaType == double[].class) {
            type = PluginParameter.Type.NUMBER_LIST;
        } else if (javaType == List.class) {
            type = PluginParameter.Type.PLUGIN_LIST;
            kind = kindOf(listElement(component.getGenericType()));
        } else {
            type = PluginParameter.Type.PLUGIN;
            kind = kindOf(javaType);
        }
        if ((type == PluginParameter.Type.PLUGIN || type == PluginParameter.Type.PLUGIN_LIST) && kind == null) {
            throw new IllegalArgumentException(owner.getName() + "." + name + ": unsupported parameter type "
                    + component.getGenericType().getTypeName());
        }
        boolean optional = param.optional();
        if (optional && javaType.isPrimitive()) {
            throw new IllegalArgumentException(owner.getName() + "." + name
                    + ": an optional parameter needs a boxed or reference type, not " + javaType);
        }
        Object defaultValue = param.defaultValue().isEmpty() ? null : parseDefault(owner, name, type, param);
        PluginParameter parameter = new PluginParameter(name, type, param.value(), defaultValue, optional,
                Double.isInfinite(param.min()) ? null : param.min(), param.minExclusive(),
                Double.isInfinite(param.max()) ? null : param.max(), choices, kind);
        if (defaultValue != null && type != PluginParameter.Type.PLUGIN) {
            parameter.bind(defaultValue, owner.getName() + "." + name + " default", null);
        }
        return parameter;
    }

    private static Class<?> listElement(Type generic) {
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return Object.class;
    }

    private static PluginKind kindOf(Class<?> productType) {
        for (PluginKind kind : PluginKind.values()) {
            if (kind.productType() == productType) {
                return kind;
            }
        }
        return null;
    }

    private static Object parseDefault(Class<?> owner, String name, PluginParameter.Type type, Param param) {
        String text = param.defaultValue();
        try {
            return switch (type) {
                case INTEGER -> Integer.parseInt(text);
                case NUMBER -> Double.parseDouble(text);
                case BOOLEAN -> {
                    if (!text.equals("true") && !text.equals("false")) {
                        throw new IllegalArgumentException("not a boolean");
                    }
                    yield Boolean.parseBoolean(text);
                }
                case STRING, PLUGIN -> text;
                case NUMBER_LIST, PLUGIN_LIST -> throw new IllegalArgumentException("lists take no default");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(owner.getName() + "." + name + ": default '" + text + "' is invalid ("
                    + e.getMessage() + ")", e);
        }
    }
}
