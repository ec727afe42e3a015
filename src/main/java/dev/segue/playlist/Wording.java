package dev.segue.playlist;

import java.util.List;
import java.util.Set;

/** How the explainer writes English: "a, b and c" lists, a capital first letter, titles in title case. */
final class Wording {

    private static final Set<String> SMALL_WORDS =
            Set.of("and", "or", "of", "for", "the", "a", "an", "to", "in", "with");

    private Wording() {}

    static String joinAnd(List<String> items) {
        return join(items, " and ");
    }

    static String joinOr(List<String> items) {
        return join(items, " or ");
    }

    private static String join(List<String> items, String last) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
    }

    static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "Calm Piano for Focus & Studying": every word capitalised except small ones after the first. */
    static String titleCase(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            boolean small = SMALL_WORDS.contains(word) && out.length() > 0;
            out.append(small ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return out.toString();
    }
}
