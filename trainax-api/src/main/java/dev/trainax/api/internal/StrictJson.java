package dev.trainax.api.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON (RFC 8259) parser for safetensors headers, written for hostile input: it
 * rejects duplicate object keys, bounds the nesting depth and the length of every array (so
 * neither a {@code [[[[...} header nor a huge array can exhaust the stack or the heap beyond a small
 * multiple of the text), and reports the character offset of the first problem.
 *
 * <p>Values map to {@link LinkedHashMap} (objects, in text order), {@link List} (arrays),
 * {@link String}, {@link Number} (the number's text, unconverted, so callers decide what is an
 * integer), {@link Boolean} and {@link #NULL}. Whitespace may surround the value (safetensors pads
 * headers with spaces); anything else after it is an error.
 */
final class StrictJson {

    /** The JSON {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A number as written in the text. */
    record Number(String text) {
    }

    /** The text is not strict JSON or exceeds a limit; the message names the problem and position. */
    static final class JsonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JsonException(String message) {
            super(message, null, false, false);
        }
    }

    private final String text;
    private final int maxDepth;
    private final int maxArrayLength;
    private int position;

    private StrictJson(String text, int maxDepth, int maxArrayLength) {
        this.text = text;
        this.maxDepth = maxDepth;
        this.maxArrayLength = maxArrayLength;
    }

    /**
     * Parses {@code text}.
     *
     * @param maxDepth       the most arrays and objects nested inside each other ({@code {}} is 1)
     * @param maxArrayLength the most elements in any one array
     * @throws JsonException for anything that is not a single strict JSON value within the limits
     */
    static Object parse(String text, int maxDepth, int maxArrayLength) {
        StrictJson parser = new StrictJson(text, maxDepth, maxArrayLength);
        parser.skipWhitespace();
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.position != text.length()) {
            throw parser.error("unexpected " + parser.describeNext() + " after the JSON value");
        }
        return value;
    }

    /** A short description of a parsed value's JSON type, for messages. */
    static String typeOf(Object value) {
        if (value instanceof Map) {
            return "an object";
        } else if (value instanceof List) {
            return "an array";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof Number) {
            return "a number";
        } else if (value instanceof Boolean) {
            return "a boolean";
        }
        return "null";
    }

    private Object value(int depth) {
        if (position >= text.length()) {
            throw error("unexpected end of text, expected a value");
        }
        char c = text.charAt(position);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return NULL;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected " + describeNext() + ", expected a value");
        }
    }

    private Map<String, Object> object(int depth) {
        checkDepth(depth);
        position++; // '{'
        LinkedHashMap<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return members;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("unexpected " + describeNext() + ", expected a string key");
            }
            int keyStart = position;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object value = value(depth);
            if (members.putIfAbsent(key, value) != null) {
                position = keyStart;
                throw error("duplicate key " + Safetensors.quote(key));
            }
            skipWhitespace();
            char next = peek();
            if (next == ',') {
                position++;
            } else if (next == '}') {
                position++;
                return members;
            } else {
                throw error("unexpected " + describeNext() + ", expected ',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) {
        checkDepth(depth);
        position++; // '['
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return Collections.unmodifiableList(elements);
        }
        while (true) {
            skipWhitespace();
            if (elements.size() == maxArrayLength) {
                throw error("array has more than " + maxArrayLength + " elements");
            }
            elements.add(value(depth));
            skipWhitespace();
            char next = peek();
            if (next == ',') {
                position++;
            } else if (next == ']') {
                position++;
                return Collections.unmodifiableList(elements);
            } else {
                throw error("unexpected " + describeNext() + ", expected ',' or ']'");
            }
        }
    }

    private String string() {
        position++; // '"'
        StringBuilder out = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(position);
            if (c == '"') {
                position++;
                return out.toString();
            } else if (c == '\\') {
                position++;
                if (position >= text.length()) {
                    throw error("unterminated string");
                }
                char escaped = text.charAt(position);
                switch (escaped) {
                    case '"': out.append('"'); break;
                    case '\\': out.append('\\'); break;
                    case '/': out.append('/'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'n': out.append('\n'); break;
                    case 'r': out.append('\r'); break;
                    case 't': out.append('\t'); break;
                    case 'u': unicodeEscape(out); continue;
                    default: throw error("invalid escape '\\" + printable(escaped) + "' in a string");
                }
                position++;
            } else if (c < 0x20) {
                throw error("unescaped control character U+" + String.format("%04X", (int) c) + " in a string");
            } else {
                out.append(c);
                position++;
            }
        }
    }

    /** Appends the character of {@code uXXXX} (the position is at the 'u'); lone surrogates are rejected. */
    private void unicodeEscape(StringBuilder out) {
        char first = hex4();
        if (Character.isLowSurrogate(first)) {
            throw error("lone low surrogate \\u" + String.format("%04X", (int) first) + " in a string");
        }
        if (!Character.isHighSurrogate(first)) {
            out.append(first);
            return;
        }
        if (position + 1 < text.length() && text.charAt(position) == '\\' && text.charAt(position + 1) == 'u') {
            position++;
            char second = hex4();
            if (Character.isLowSurrogate(second)) {
                out.append(first).append(second);
                return;
            }
        }
        throw error("lone high surrogate \\u" + String.format("%04X", (int) first) + " in a string");
    }

    private char hex4() {
        // position is at 'u'
        if (position + 4 >= text.length()) {
            throw error("truncated \\u escape");
        }
        int value = 0;
        for (int i = 1; i <= 4; i++) {
            int digit = Character.digit(text.charAt(position + i), 16);
            if (digit < 0 || text.charAt(position + i) > 'f') {
                throw error("invalid \\u escape");
            }
            value = value * 16 + digit;
        }
        position += 5;
        return (char) value;
    }

    private Number number() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("invalid number");
        }
        if (peek() == '.') {
            position++;
            if (!isDigit(peek())) {
                throw error("invalid number: a digit must follow '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (!isDigit(peek())) {
                throw error("invalid number: a digit must follow the exponent mark");
            }
            digits();
        }
        return new Number(text.substring(start, position));
    }

    private void digits() {
        while (isDigit(peek())) {
            position++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) {
        if (!text.startsWith(word, position)) {
            throw error("unexpected " + describeNext() + ", expected a value");
        }
        position += word.length();
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("unexpected " + describeNext() + ", expected '" + c + "'");
        }
        position++;
    }

    private void checkDepth(int depth) {
        if (depth > maxDepth) {
            throw error("nesting deeper than " + maxDepth + " levels");
        }
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\uFFFF';
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private String describeNext() {
        return position >= text.length() ? "end of text" : "'" + printable(text.charAt(position)) + "'";
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04X", (int) c);
    }

    private JsonException error(String problem) {
        return new JsonException(problem + " at character " + position);
    }
}
