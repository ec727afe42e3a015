package dev.segue.search;

import java.util.List;
import java.util.Set;

/** Filters the stores' tests search with, the same for the embedded index and Qdrant so their answers compare. */
final class SampleFilters {

    private SampleFilters() {}

    /** Every kind of constraint at once: two any-of tag groups, exclusions, a year range, no explicit tracks. */
    static SearchFilter complex() {
        return new SearchFilter(
                List.of(Set.of("jazz", "folk"), Set.of("piano")),
                Set.of("sad"),
                Set.of(),
                Set.of("artist 3"),
                1970,
                2000,
                null,
                true,
                null,
                Set.of("t20"));
    }
}
