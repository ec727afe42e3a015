package dev.segue.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Prompts that point at the listener's own history ("my usual morning vibe", "more of what I liked yesterday"). */
public final class HistoryReference {

    private static final Pattern MINE = Pattern.compile(
            "\\bmy (usual|favou?rites?|taste|history|go-?to|regular)\\b|\\bwhat i (liked|loved|played|listened to)\\b"
                    + "|\\b(songs|tracks|music) i (like|love|liked|loved)\\b|\\bi usually\\b");

    private HistoryReference() {}

    /** Since when the prompt's history reaches back, or empty when it does not mention the listener's history. */
    public static Optional<Instant> since(String prompt, Instant now) {
        String text = prompt.toLowerCase(Locale.ROOT);
        if (!MINE.matcher(text).find()) {
            return Optional.empty();
        }
        if (text.contains("yesterday")) {
            return Optional.of(now.minus(Duration.ofHours(48)));
        }
        if (text.contains("today") || text.contains("this morning") || text.contains("tonight")) {
            return Optional.of(now.minus(Duration.ofHours(24)));
        }
        if (text.contains("this week")
                || text.contains("last week")
                || text.contains("lately")
                || text.contains("recently")) {
            return Optional.of(now.minus(Duration.ofDays(14)));
        }
        return Optional.of(Instant.EPOCH);
    }
}
