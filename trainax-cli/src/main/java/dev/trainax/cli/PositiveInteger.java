package dev.trainax.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values that must be positive integers ({@code --steps}, each of {@code --rollouts}); picocli
 * reports a bad one as {@code Invalid value for option '--steps': must be a positive integer, got '-3'}, and
 * one too large for an int with the largest allowed value.
 */
final class PositiveInteger implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        String text = value.trim();
        try {
            int parsed = Integer.parseInt(text);
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            if (text.matches("\\+?[0-9]+")) {
                throw new TypeConversionException("must be a positive integer ≤ " + Integer.MAX_VALUE + ", got '"
                        + value + "'");
            }
        }
        throw new TypeConversionException("must be a positive integer, got '" + value + "'");
    }
}
