package dev.segue.eval.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request as a replay compares it: method, path and body. Headers are not compared (clients vary them freely), and
 * tool-call ids are compared by position rather than by value: the first id in the request reads as "#1" wherever it
 * appears, the second as "#2", so an id a client makes up for a call still has to pair the same call with the same
 * result, but may differ from run to run. Everything else must be equal: the messages (system prompt included), the
 * tool schemas, the model and its parameters, and {@code stream}.
 */
record RequestShape(String method, String path, JsonNode body) {

    /** One difference: where, and both sides shortened for a message. */
    record Difference(String where, String recorded, String sent) {
        String describe() {
            return "at " + where + ": recorded " + recorded + ", sent " + sent;
        }
    }

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> CALL_TYPES = Set.of("function", "tool_use", "tool_call");
    private static final int CONTEXT = 40;
    private static final int SHOWN = 120;

    static RequestShape of(Exchange.Request request) {
        JsonNode body = request.body().comparable().deepCopy();
        renameCallIds(body, new LinkedHashMap<>());
        return new RequestShape(request.method(), request.path(), body);
    }

    /** The first difference in document order (the sent request's order), or null when they are the same. */
    static Difference firstDifference(RequestShape recorded, RequestShape sent) {
        if (!recorded.method.equals(sent.method)) {
            return new Difference("the method", recorded.method, sent.method);
        }
        if (!recorded.path.equals(sent.path)) {
            return new Difference("the path", recorded.path, sent.path);
        }
        return difference(recorded.body, sent.body, "$");
    }

    /** How many leaf values the two bodies share at the same places: how a drifted request finds its nearest one. */
    static int similarity(RequestShape a, RequestShape b) {
        if (!a.method.equals(b.method) || !a.path.equals(b.path)) {
            return -1;
        }
        Map<String, JsonNode> left = new LinkedHashMap<>();
        Map<String, JsonNode> right = new LinkedHashMap<>();
        leaves(a.body, "$", left);
        leaves(b.body, "$", right);
        int same = 0;
        for (Map.Entry<String, JsonNode> e : left.entrySet()) {
            if (e.getValue().equals(right.get(e.getKey()))) {
                same++;
            }
        }
        return same;
    }

    private static void renameCallIds(JsonNode node, Map<String, String> aliases) {
        if (node instanceof ObjectNode object) {
            boolean isCall = object.has("function")
                    || CALL_TYPES.contains(object.path("type").asText());
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                String name = field.getKey();
                boolean callId =
                        name.equals("tool_call_id") || name.equals("tool_use_id") || (isCall && name.equals("id"));
                if (callId && field.getValue().isValueNode()) {
                    String alias = aliases.computeIfAbsent(field.getValue().asText(), id -> "#" + (aliases.size() + 1));
                    field.setValue(TextNode.valueOf(alias));
                } else {
                    renameCallIds(field.getValue(), aliases);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> renameCallIds(child, aliases));
        }
    }

    private static Difference difference(JsonNode recorded, JsonNode sent, String at) {
        if (recorded.equals(sent)) {
            return null;
        }
        if (recorded.isObject() && sent.isObject()) {
            Set<String> seen = new HashSet<>();
            for (Map.Entry<String, JsonNode> field : sent.properties()) {
                seen.add(field.getKey());
                JsonNode before = recorded.get(field.getKey());
                Difference d = before == null
                        ? new Difference(child(at, field.getKey()), "nothing", shown(field.getValue()))
                        : difference(before, field.getValue(), child(at, field.getKey()));
                if (d != null) {
                    return d;
                }
            }
            for (Map.Entry<String, JsonNode> field : recorded.properties()) {
                if (!seen.contains(field.getKey())) {
                    return new Difference(child(at, field.getKey()), shown(field.getValue()), "nothing");
                }
            }
        }
        if (recorded.isArray() && sent.isArray()) {
            int both = Math.min(recorded.size(), sent.size());
            for (int i = 0; i < both; i++) {
                Difference d = difference(recorded.get(i), sent.get(i), at + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            String where = at + "[" + both + "]";
            return recorded.size() > both
                    ? new Difference(where, shown(recorded.get(both)), "nothing (" + sent.size() + " items)")
                    : new Difference(where, "nothing (" + recorded.size() + " items)", shown(sent.get(both)));
        }
        if (recorded.isTextual() && sent.isTextual()) {
            return textDifference(recorded.asText(), sent.asText(), at);
        }
        return new Difference(at, shown(recorded), shown(sent));
    }

    /** Short texts whole; where long ones (a prompt) part: the character, and a little of each side around it. */
    private static Difference textDifference(String recorded, String sent, String at) {
        if (recorded.length() <= SHOWN && sent.length() <= SHOWN) {
            return new Difference(at, shown(TextNode.valueOf(recorded)), shown(TextNode.valueOf(sent)));
        }
        int i = 0;
        while (i < recorded.length() && i < sent.length() && recorded.charAt(i) == sent.charAt(i)) {
            i++;
        }
        return new Difference(
                at + " (character " + i + " of " + recorded.length() + " recorded, " + sent.length() + " sent)",
                excerpt(recorded, i),
                excerpt(sent, i));
    }

    private static String excerpt(String text, int at) {
        int from = Math.max(0, at - CONTEXT);
        int to = Math.min(text.length(), at + CONTEXT);
        return "\"" + (from > 0 ? "…" : "") + escaped(text.substring(from, to)) + (to < text.length() ? "…" : "")
                + "\"";
    }

    private static String shown(JsonNode value) {
        String text = value.isTextual() ? "\"" + escaped(value.asText()) + "\"" : value.toString();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\")
                .replace("\n", "\\n")
                .replace("\r", "\\r")
                .replace("\t", "\\t");
    }

    private static String child(String at, String key) {
        return PLAIN_KEY.matcher(key).matches() ? at + "." + key : at + "[\"" + key + "\"]";
    }

    private static void leaves(JsonNode node, String at, Map<String, JsonNode> out) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(f -> leaves(f.getValue(), child(at, f.getKey()), out));
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), at + "[" + i + "]", out);
            }
        } else {
            out.put(at, node);
        }
    }
}
