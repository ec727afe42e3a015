package dev.segue.planner;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Tags;
import dev.segue.catalog.Track;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an era from a prompt: a range of years ("from 1995 to 2005"), a bound ("since 2019", "before 2000"), a
 * decade ("90s", "the eighties") or "recent". A catalog with release years filters on them; one without reads a
 * decade as its decade tag where it has one, and says that anything else was not applied. What it reads is blanked
 * out of the text.
 */
@ApplicationScoped
class EraReader {

    private static final Pattern YEAR_RANGE = Pattern.compile(
            "\\b(?:between\\s+|from\\s+)?((?:19|20)\\d{2})\\s*(?:-|to|and|until|till)\\s*((?:19|20)\\d{2})\\b");
    private static final Pattern YEAR_BOUND =
            Pattern.compile("\\b(after|since|from|before|until|till|pre|post)\\s+((?:19|20)\\d{2})\\b");
    private static final Pattern DECADE = Pattern.compile("\\b(?:(19|20)(\\d)0s|(\\d)0s)\\b");
    private static final Pattern DECADE_WORD = Pattern.compile("\\b(sixties|seventies|eighties|nineties|noughties)\\b");
    private static final Map<String, Integer> DECADE_WORDS =
            Map.of("sixties", 1960, "seventies", 1970, "eighties", 1980, "nineties", 1990, "noughties", 2000);
    /** How many years back "recent" reaches from the catalog's newest release. */
    private static final int RECENT_YEARS = 2;

    private final PhraseBook phrases;
    private final boolean catalogHasYears;
    private final Integer newestYear;

    EraReader(Catalog catalog, PhraseBook phrases) {
        this.phrases = phrases;
        this.catalogHasYears = catalog.hasYears();
        this.newestYear = catalog.tracks().stream()
                .map(Track::year)
                .filter(Objects::nonNull)
                .max(Integer::compare)
                .orElse(null);
    }

    /** Reads the era into the draft; returns the text with what was read blanked out. */
    String read(String text, Draft d) {
        text = readYears(text, d);
        text = readDecades(text, d);
        if (catalogHasYears
                && newestYear != null
                && text.matches(".*\\b(recent|latest|brand new|fresh|current)\\b.*")) {
            era(d, newestYear - RECENT_YEARS, null, "recent");
        }
        return text;
    }

    private String readYears(String text, Draft d) {
        Matcher range = YEAR_RANGE.matcher(text);
        if (range.find()) {
            int a = Integer.parseInt(range.group(1));
            int b = Integer.parseInt(range.group(2));
            era(d, Math.min(a, b), Math.max(a, b), range.group().trim());
            text = PromptText.blank(text, range);
        }
        Matcher bound = YEAR_BOUND.matcher(text);
        while (bound.find()) {
            int year = Integer.parseInt(bound.group(2));
            switch (bound.group(1)) {
                case "after", "post" -> era(d, year + 1, null, bound.group());
                case "since", "from" -> era(d, year, null, bound.group());
                default -> era(d, null, year - 1, bound.group());
            }
        }
        return YEAR_BOUND.matcher(text).replaceAll(" ");
    }

    private String readDecades(String text, Draft d) {
        Matcher decade = DECADE.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (decade.find()) {
            int start;
            if (decade.group(1) != null) {
                start = Integer.parseInt(decade.group(1) + decade.group(2) + "0");
            } else {
                int digit = Integer.parseInt(decade.group(3));
                start = digit <= 2 ? 2000 + digit * 10 : 1900 + digit * 10; // "20s" is the 2020s, "90s" the 1990s
            }
            decade(d, start, decade.group());
            decade.appendReplacement(rest, " ");
        }
        decade.appendTail(rest);
        text = rest.toString();
        Matcher word = DECADE_WORD.matcher(text);
        while (word.find()) {
            decade(d, DECADE_WORDS.get(word.group(1)), word.group(1));
        }
        return DECADE_WORD.matcher(text).replaceAll(" ");
    }

    private void era(Draft d, Integer from, Integer to, String words) {
        if (!catalogHasYears) {
            notApplied(d, words);
            return;
        }
        if (from != null) {
            d.yearFrom = from;
        }
        if (to != null) {
            d.yearTo = to;
        }
    }

    private void decade(Draft d, int start, String words) {
        String tag = (start % 100) / 10 * 10 + "s";
        if (catalogHasYears) {
            d.yearFrom = d.yearFrom == null ? start : Math.min(d.yearFrom, start);
            d.yearTo = d.yearTo == null ? start + 9 : Math.max(d.yearTo, start + 9);
        } else if (phrases.isTag(tag)) {
            d.include.add(new TagGroup(words.trim(), List.of(tag), "era", 1.0, !d.refining));
            d.queryWords.add(Tags.words(tag));
        } else {
            notApplied(d, words);
        }
    }

    private static void notApplied(Draft d, String words) {
        d.notes.add("this catalog has no release years, so \"" + words.trim() + "\" was not applied");
    }
}
