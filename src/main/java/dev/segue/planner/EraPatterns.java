package dev.segue.planner;

import static dev.segue.planner.PromptText.anyOf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The patterns {@link EraReader} reads eras with, made from one language's lexicon ({@code eras}): a range of years, a
 * year after a cue word (which says how it bounds the era), a year followed by "onwards", a decade by digits (with the
 * language's prefix, "años 80", or suffix, "80s", "80er") or by name.
 */
record EraPatterns(
        Pattern range,
        Pattern bound,
        Pattern yearOnwards,
        Pattern decade,
        Pattern decadeName,
        Pattern recent,
        Map<String, Bound> bounds,
        Map<String, Integer> decades) {

    /** How a year after a cue bounds the era: from it on, after it, before it, or that year only. */
    enum Bound {
        SINCE,
        AFTER,
        BEFORE,
        IN
    }

    private static final String YEAR = "((?:19|20)\\d{2})";
    /** A year no cue word announces: that year only. */
    static final Pattern YEAR_ALONE = Pattern.compile("\\b" + YEAR + "\\b");

    static EraPatterns of(Lexicon.Eras eras) {
        Map<String, Bound> bounds = new HashMap<>();
        // A cue listed twice keeps the stronger reading: a bound before "in" ("from" starts a range in some languages).
        eras.in().forEach(cue -> bounds.put(PromptText.key(cue), Bound.IN));
        eras.before().forEach(cue -> bounds.put(PromptText.key(cue), Bound.BEFORE));
        eras.after().forEach(cue -> bounds.put(PromptText.key(cue), Bound.AFTER));
        eras.since().forEach(cue -> bounds.put(PromptText.key(cue), Bound.SINCE));
        Map<String, Integer> decades = new HashMap<>();
        eras.decadeNames().forEach((name, year) -> decades.put(PromptText.key(name), year));
        String onwards = "(?:" + anyOf(eras.onwards()) + ")(?![\\p{L}])";
        return new EraPatterns(
                Pattern.compile("\\b(?:(?:" + anyOf(eras.rangeStarts()) + ")\\s+)?" + YEAR + "(?:\\s+(?:"
                        + anyOf(eras.rangeSeparators()) + "))?\\s+" + YEAR + "\\b"),
                Pattern.compile("\\b(" + anyOf(bounds.keySet()) + ")\\s+" + YEAR + "\\b(\\s+" + onwards + ")?"),
                Pattern.compile("\\b" + YEAR + "\\s+" + onwards),
                decadePattern(eras.decadePrefixes(), eras.decadeSuffixes()),
                Pattern.compile("\\b(" + anyOf(decades.keySet()) + ")\\b"),
                Pattern.compile("\\b(?:" + anyOf(eras.recent()) + ")\\b"),
                Map.copyOf(bounds),
                Map.copyOf(decades));
    }

    /** "años 80", "anni '80" (a prefix, the suffix optional) or "80s", "1980er" (the suffix required). */
    private static Pattern decadePattern(List<String> prefixes, List<String> suffixes) {
        String digits = "(?:19|20)?\\d0";
        String suffix = "(?:" + anyOf(suffixes) + ")";
        String withPrefix = "(?:" + anyOf(prefixes) + ")\\s+'?(?<pre>" + digits + ")" + suffix + "?";
        String withSuffix = "(?<suf>" + digits + ")" + suffix;
        return Pattern.compile("\\b(?:" + withPrefix + "|" + withSuffix + ")\\b");
    }

    Bound boundOf(String cue) {
        return bounds.get(cue.trim().replaceAll("\\s+", " "));
    }

    int decadeOf(String name) {
        return decades.get(name.trim().replaceAll("\\s+", " "));
    }
}
