package dev.segue.planner;

import java.util.ArrayList;
import java.util.List;

/** Candidate stems of an English word by its suffix ("pianos", "relaxing", "happier", "sadness"), most specific first. */
final class EnglishStems {

    private EnglishStems() {}

    static List<String> of(String word) {
        List<String> stems = new ArrayList<>();
        if (word.endsWith("iness")) {
            stems.add(cut(word, 5) + "y"); // "happiness": happy
        }
        if (word.endsWith("ness")) {
            stems.add(cut(word, 4)); // "sadness", "darkness"
        }
        if (word.endsWith("ies")) {
            stems.add(cut(word, 3) + "y");
        }
        if (word.endsWith("es")) {
            stems.add(cut(word, 2));
        }
        if (word.endsWith("s")) {
            stems.add(cut(word, 1));
        }
        if (word.endsWith("ing")) {
            stems.add(cut(word, 3));
            stems.add(cut(word, 3) + "e");
        }
        if (word.endsWith("ier")) {
            stems.add(cut(word, 3) + "y");
        }
        if (word.endsWith("er") || word.endsWith("ed")) {
            stems.add(cut(word, 2));
            stems.add(cut(word, 1));
        }
        if (word.endsWith("y")) {
            stems.add(cut(word, 1));
        }
        if (word.endsWith("ly")) {
            stems.add(cut(word, 2));
        }
        return stems;
    }

    private static String cut(String word, int letters) {
        return word.substring(0, word.length() - letters);
    }
}
