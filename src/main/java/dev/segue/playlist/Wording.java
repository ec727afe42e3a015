package dev.segue.playlist;

import java.util.List;
import java.util.Set;

/**
 * How the explainer writes: "a, b and c" lists, a capital first letter, titles in title case (English in reasons;
 * {@link Phrasing} passes another language's words).
 */
final class Wording {

    private Wording() {}

    static String joinAnd(List<String> items) {
        return join(items, " and ");
    }

    static String joinOr(List<String> items) {
        return join(items, " or ");
    }

    static String join(List<String> items, String last) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
    }

    static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "Calm Piano for Focus & Studying": every word capitalised except small ones ("for") after the first. */
    static String titleCase(String text, Set<String> smallWords) {
        StringBuilder out = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            boolean small = smallWords.contains(word) && out.length() > 0;
            out.append(small ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return out.toString();
    }
}
