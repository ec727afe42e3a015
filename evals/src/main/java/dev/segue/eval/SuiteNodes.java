package dev.segue.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.segue.eval.SuiteLoader.SuiteException;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/** Tree helpers shared by the suite's readers: every mistake is a {@link SuiteException} that says where. */
final class SuiteNodes {

    private SuiteNodes() {}

    /** Deep merge: objects merge key by key, anything else replaces; an explicit null removes a default. */
    static ObjectNode merge(ObjectNode base, ObjectNode override) {
        ObjectNode out = base.deepCopy();
        override.properties().forEach(e -> {
            JsonNode current = out.get(e.getKey());
            if (e.getValue().isNull()) {
                out.remove(e.getKey());
            } else if (current != null && current.isObject() && e.getValue().isObject()) {
                out.set(e.getKey(), merge((ObjectNode) current, (ObjectNode) e.getValue()));
            } else {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return out;
    }

    static ObjectNode object(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new SuiteException(where + ": expected a mapping, got "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return (ObjectNode) node;
    }

    static void checkKeys(JsonNode node, Set<String> known, String where) {
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                throw new SuiteException(where + ": unknown key \"" + key + "\" (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        });
    }

    /** The defaults merged with the turn's own checks; {@code unfit} keys cannot run here and say {@code why}. */
    static Expect expect(ObjectNode defaults, JsonNode own, String at, Set<String> unfit, String why) {
        ObjectNode merged = merge(defaults, object(own, at + " expect"));
        merged.fieldNames().forEachRemaining(key -> {
            if (unfit.contains(key)) {
                throw new SuiteException(at + " expect: " + key + " " + why);
            }
        });
        try {
            return Json.YAML.treeToValue(merged, Expect.class);
        } catch (IOException | IllegalArgumentException e) {
            String message = e.getMessage() == null
                    ? e.toString()
                    : e.getMessage().lines().findFirst().orElse("");
            throw new SuiteException(at + " expect: " + message);
        }
    }
}
