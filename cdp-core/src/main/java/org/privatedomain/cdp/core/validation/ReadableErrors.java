package org.privatedomain.cdp.core.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The field and message a caller reads for a JSON value that could not be read or a constraint it broke, worded
 * the same for a request body and for a line of a bulk body.
 */
public final class ReadableErrors {

    private ReadableErrors() {
    }

    /** {@code rfm.thresholds.recency[2]} from Jackson's reference path. */
    public static String pathOf(JacksonException json) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : json.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What is wrong with the value at {@link #pathOf}. */
    public static String messageOf(JacksonException json) {
        return switch (json) {
            case UnrecognizedPropertyException unknown -> "is not a known field";
            case InvalidFormatException format when format.getTargetType() != null
                    && format.getTargetType().isEnum() -> "must be one of "
                    + List.of(format.getTargetType().getEnumConstants());
            case InvalidFormatException format -> "'" + format.getValue() + "' is not a valid value";
            case MismatchedInputException mismatch when mismatch.getTargetType() != null ->
                    "must be " + describe(mismatch.getTargetType());
            default -> "has an invalid value";
        };
    }

    /**
     * The property path without the method and parameter that Bean Validation puts in front; for a constraint on
     * a plain parameter (a tag, a page size) the parameter's name, and {@code body} for the object itself.
     */
    public static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameter = "body";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                path.append(path.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return path.isEmpty() ? parameter : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
