package dev.trainax.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values that must be positive integers ({@code --steps}, each of {@code --rollouts}); picocli
 * reports a bad one as {@code Invalid value for option '--steps': must be a positive integer, got '-3'}.
 */
final class PositiveInteger implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the allowed values
        }
        throw new TypeConversionException("must be a positive integer, got '" + value + "'");
    }
}
