package dev.segue.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A resource method's invalid input as the problem body reports it: every violation, in a fixed order (parameters in
 * order; a body's fields as its record declares them, a field's own rules before rules across fields; list entries
 * by index), each named by the field the caller sent.
 */
final class Violations {

    private static final Comparator<List<Integer>> LEXICAL = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = Integer.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private final List<ConstraintViolation<?>> ordered;
    /** The resource method whose parameters were validated; null for a value validated on its own. */
    private final Method method;

    Violations(Set<ConstraintViolation<?>> violations, Method method) {
        this.ordered = violations.stream()
                .sorted(Comparator.comparing(Violations::position, LEXICAL))
                .toList();
        this.method = method;
    }

    /** Violations of a method's return value: the method broke its own contract, not the caller. */
    static boolean onReturnValue(Set<ConstraintViolation<?>> violations) {
        return violations.stream().anyMatch(v -> kinds(v).contains(ElementKind.RETURN_VALUE));
    }

    /** The first message; with how many more there are, and for an all-or-nothing batch, that nothing was stored. */
    String detail() {
        List<String> notes = new ArrayList<>();
        if (ordered.size() > 1) {
            notes.add("and " + (ordered.size() - 1) + " more; see errors");
        }
        String first = field(ordered.get(0));
        // said of problems with the entries ([0], [1].type, ...), as before; not of the path or of the batch itself
        if (method != null
                && method.isAnnotationPresent(AllOrNothing.class)
                && first != null
                && first.startsWith("[")) {
            notes.add("nothing was recorded");
        }
        String message = ordered.get(0).getMessage();
        return notes.isEmpty() ? message : message + " (" + String.join("; ", notes) + ")";
    }

    List<Problem.FieldError> fieldErrors() {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : ordered) {
            String field = field(violation);
            if (field != null) {
                errors.add(new Problem.FieldError(field, violation.getMessage()));
            }
        }
        return errors;
    }

    /**
     * The field: "prompt", "options.planner", "seedTrackIds[2]", "[0].type" in a body; a parameter by the name the
     * caller sends it under; a missing body by the field its constraint names, if any.
     */
    private String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        Parameter parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter =
                        method.getParameters()[node.as(Path.ParameterNode.class).getParameterIndex()];
            } else if (node.getKind() != ElementKind.METHOD) {
                if (node.isInIterable()) {
                    field.append('[').append(node.getIndex()).append(']');
                }
                if (node.getKind() == ElementKind.PROPERTY) {
                    field.append(field.isEmpty() ? "" : ".").append(node.getName());
                }
            }
        }
        if (!field.isEmpty() || parameter == null) {
            return field.isEmpty() ? null : field.toString();
        }
        String name = sentAs(parameter);
        if (name == null) {
            Object named = violation.getConstraintDescriptor().getAttributes().get("name");
            name = named instanceof String text ? text : "";
        }
        return name.isEmpty() ? null : name;
    }

    /** The name of a path, query or header parameter, as the caller sends it; null for the body. */
    private static String sentAs(Parameter parameter) {
        String name = parameter.isAnnotationPresent(RestPath.class)
                ? parameter.getAnnotation(RestPath.class).value()
                : parameter.isAnnotationPresent(RestQuery.class)
                        ? parameter.getAnnotation(RestQuery.class).value()
                        : parameter.isAnnotationPresent(RestHeader.class)
                                ? parameter.getAnnotation(RestHeader.class).value()
                                : null;
        return name == null || !name.isEmpty() ? name : parameter.getName();
    }

    /**
     * Where a violation sorts: its parameter's index, then for each step into the value an entry's index or a record
     * component's position; after the first component, 0 for the field's own rules and 1 for class-level rules that
     * name it (such as "not both").
     */
    private static List<Integer> position(ConstraintViolation<?> violation) {
        List<Integer> position = new ArrayList<>();
        // a value validated on its own is the root; a method's parameters replace it below
        Object value = violation.getRootBean();
        boolean ruled = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                position.add(index);
                value = violation.getExecutableParameters()[index];
            } else if (node.getKind() != ElementKind.METHOD) {
                if (node.isInIterable() && node.getIndex() != null) {
                    position.add(node.getIndex());
                    value = value instanceof List<?> list && node.getIndex() < list.size()
                            ? list.get(node.getIndex())
                            : null;
                }
                if (node.getKind() == ElementKind.PROPERTY) {
                    RecordComponent[] components =
                            value == null ? null : value.getClass().getRecordComponents();
                    int rank = components == null ? -1 : indexOf(components, node.getName());
                    position.add(rank < 0 ? Integer.MAX_VALUE : rank);
                    if (!ruled) {
                        position.add(violation.getLeafBean() == violation.getInvalidValue() ? 1 : 0);
                        ruled = true;
                    }
                    value = rank < 0 ? null : read(components[rank], value);
                }
            }
        }
        return position;
    }

    private static int indexOf(RecordComponent[] components, String name) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static List<ElementKind> kinds(ConstraintViolation<?> violation) {
        List<ElementKind> kinds = new ArrayList<>();
        violation.getPropertyPath().forEach(node -> kinds.add(node.getKind()));
        return kinds;
    }
}
