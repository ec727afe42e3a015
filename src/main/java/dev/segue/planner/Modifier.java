package dev.segue.planner;

import java.util.List;
import java.util.Set;

/**
 * A word that changes how the wish after it is read, until the end of its clause: "less piano", "only jazz", in a
 * refinement "more strings" or "add some jazz", and in a new prompt "maybe a piano" (a wish, not a requirement).
 */
enum Modifier {
    NONE(Set.of()),
    MORE(Set.of("more", "extra", "heavier on")),
    ADD(Set.of(
            "add",
            "include",
            "some",
            "a few",
            "a bit of",
            "a little",
            "throw in",
            "mix in",
            "sprinkle",
            "a couple of",
            "few")),
    LESS(Set.of("less", "fewer", "lighter on", "not so much", "not as much")),
    ONLY(Set.of("only", "just", "purely", "exclusively")),
    SOFT(Set.of(
            "maybe",
            "perhaps",
            "possibly",
            "a little",
            "a bit of",
            "a touch of",
            "a hint of",
            "a bit",
            "a bit more",
            "slightly",
            "somewhat",
            "ideally",
            "optionally"));

    /** In the order they are tried: "a little" is ADD in a refinement, SOFT in a new prompt. */
    static final List<Modifier> CUES = List.of(LESS, ONLY, MORE, ADD, SOFT);

    private final Set<String> words;

    Modifier(Set<String> words) {
        this.words = words;
    }

    Set<String> words() {
        return words;
    }

    /** MORE and ADD change an earlier intent, so only a refinement has them; SOFT only a new prompt. */
    boolean appliesTo(boolean refining) {
        return switch (this) {
            case MORE, ADD -> refining;
            case SOFT -> !refining;
            default -> true;
        };
    }
}
