package dev.segue.agent;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.TagCategory;
import dev.segue.catalog.Tags;
import dev.segue.catalog.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the LLM's reasons honest: a reason that names a catalog tag the track does not carry, or a year or decade it
 * was not released in, is rejected (the offline explainer's reason replaces it).
 */
final class ReasonCheck {

    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");
    private static final Pattern DECADE = Pattern.compile("\\b(?:19|20)?(\\d)0'?s\\b");
    static final int MAX_REASON = 300;

    private final List<String[]> tagWords = new ArrayList<>();

    ReasonCheck(Catalog catalog) {
        for (TagCategory c : TagCategory.values()) {
            for (String tag : catalog.vocabulary(c).keySet()) {
                tagWords.add(new String[] {tag, Tags.words(tag).toLowerCase(Locale.ROOT)});
            }
        }
    }

    /** The reason, cleaned, if every fact it names is the track's; empty otherwise. */
    Optional<String> check(String reason, Track track) {
        if (reason == null || reason.isBlank()) {
            return Optional.empty();
        }
        String clean = reason.replaceAll("\\p{Cntrl}", " ").strip();
        if (clean.length() > MAX_REASON) {
            clean = clean.substring(0, MAX_REASON - 1) + "…";
        }
        String text = " " + clean.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}&]+", " ") + " ";
        List<String> own = new ArrayList<>();
        for (String[] tw : tagWords) {
            if (track.hasTag(tw[0])) {
                own.add(" " + tw[1] + " ");
            }
        }
        for (String[] tw : tagWords) {
            String word = " " + tw[1] + " ";
            if (text.contains(word) && !track.hasTag(tw[0]) && own.stream().noneMatch(o -> o.contains(word))) {
                return Optional.empty();
            }
        }
        Matcher year = YEAR.matcher(clean);
        while (year.find()) {
            if (track.year() == null || track.year() != Integer.parseInt(year.group())) {
                return Optional.empty();
            }
        }
        Matcher decade = DECADE.matcher(clean.toLowerCase(Locale.ROOT));
        while (decade.find()) {
            int digit = Integer.parseInt(decade.group(1));
            boolean tagged = track.hasTag(digit + "0s");
            boolean released = track.year() != null && (track.year() % 100) / 10 == digit;
            if (!tagged && !released) {
                return Optional.empty();
            }
        }
        return Optional.of(clean);
    }
}
