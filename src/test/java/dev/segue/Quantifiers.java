package dev.segue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.function.Predicate;

/** "Every item …" and "no item …" that fail on an empty collection, where allMatch and noneMatch would pass. */
public final class Quantifiers {

    private Quantifiers() {}

    public static <T> void assertEvery(Collection<T> items, Predicate<? super T> condition, String message) {
        assertFalse(items.isEmpty(), "nothing to check: " + message);
        assertTrue(items.stream().allMatch(condition), message + ": " + items);
    }

    public static <T> void assertNone(Collection<T> items, Predicate<? super T> condition, String message) {
        assertFalse(items.isEmpty(), "nothing to check: " + message);
        assertTrue(items.stream().noneMatch(condition), message + ": " + items);
    }
}
