package dev.segue.planner;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Tags;
import dev.segue.catalog.Track;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * Reads an era from a prompt, in the prompt's language ({@link EraPatterns}): a range of years ("from 1995 to 2005"),
 * a bound ("since 2019", "before 2000"), one year ("pop from 2019", "in 2019", "2019": that year only), a decade
 * ("90s", "the eighties", "años 80", "80er") or "recent". A catalog with release years filters on them, as a hard
 * constraint; one without reads a decade as its decade tag where it has one, and says that anything else was not
 * applied. What it reads is blanked out of the text.
 */
@ApplicationScoped
class EraReader {

    /** How many years back "recent" reaches from the catalog's newest release. */
    private static final int RECENT_YEARS = 2;

    private final PhraseBook phrases;
    private final boolean catalogHasYears;
    private final Integer newestYear;
    private final Map<Language, EraPatterns> patterns = new EnumMap<>(Language.class);

    EraReader(Catalog catalog, PhraseBook phrases) {
        this.phrases = phrases;
        this.catalogHasYears = catalog.hasYears();
        this.newestYear = catalog.tracks().stream()
                .map(Track::year)
                .filter(Objects::nonNull)
                .max(Integer::compare)
                .orElse(null);
        for (Language language : Language.values()) {
            patterns.put(language, EraPatterns.of(phrases.in(language).lexicon().eras()));
        }
    }

    /** Reads the era into the draft; returns the text with what was read blanked out. */
    String read(String text, Draft d) {
        EraPatterns p = patterns.get(d.language);
        text = readYears(text, d, p);
        text = readDecades(text, d, p); // before a year alone: "años 2010" is a decade
        text = readYearAlone(text, d);
        if (catalogHasYears && newestYear != null && p.recent().matcher(text).find()) {
            era(d, newestYear - RECENT_YEARS, null, "recent");
        }
        return text;
    }

    private String readYears(String text, Draft d, EraPatterns p) {
        Matcher range = p.range().matcher(text);
        if (range.find()) {
            int a = Integer.parseInt(range.group(1));
            int b = Integer.parseInt(range.group(2));
            era(d, Math.min(a, b), Math.max(a, b), range.group().trim());
            text = PromptText.blank(text, range);
        }
        Matcher bound = p.bound().matcher(text);
        while (bound.find()) {
            int year = Integer.parseInt(bound.group(2));
            EraPatterns.Bound kind = bound.group(3) != null ? EraPatterns.Bound.SINCE : p.boundOf(bound.group(1));
            switch (kind) {
                case AFTER -> era(d, year + 1, null, bound.group());
                case SINCE -> era(d, year, null, bound.group());
                case BEFORE -> era(d, null, year - 1, bound.group());
                case IN -> era(d, year, year, bound.group());
            }
        }
        text = p.bound().matcher(text).replaceAll(" ");
        Matcher onwards = p.yearOnwards().matcher(text);
        while (onwards.find()) {
            era(d, Integer.parseInt(onwards.group(1)), null, onwards.group());
        }
        return p.yearOnwards().matcher(text).replaceAll(" ");
    }

    private String readYearAlone(String text, Draft d) {
        Matcher year = EraPatterns.YEAR_ALONE.matcher(text);
        while (year.find()) {
            int y = Integer.parseInt(year.group(1));
            era(d, y, y, year.group());
        }
        return EraPatterns.YEAR_ALONE.matcher(text).replaceAll(" ");
    }

    private String readDecades(String text, Draft d, EraPatterns p) {
        Matcher decade = p.decade().matcher(text);
        StringBuilder rest = new StringBuilder();
        while (decade.find()) {
            String digits = decade.group("pre") != null ? decade.group("pre") : decade.group("suf");
            int start;
            if (digits.length() == 4) {
                start = Integer.parseInt(digits);
            } else {
                int digit = digits.charAt(0) - '0';
                start = digit <= 2 ? 2000 + digit * 10 : 1900 + digit * 10; // "20s" is the 2020s, "90s" the 1990s
            }
            decade(d, start, decade.group());
            decade.appendReplacement(rest, " ");
        }
        decade.appendTail(rest);
        text = rest.toString();
        Matcher name = p.decadeName().matcher(text);
        while (name.find()) {
            decade(d, p.decadeOf(name.group(1)), name.group(1));
        }
        return p.decadeName().matcher(text).replaceAll(" ");
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
            String phrase = d.shown(words.trim().replaceAll("\\s+", " "));
            d.include.add(new TagGroup(phrase, List.of(tag), "era", 1.0, !d.refining));
            d.queryWords.add(Tags.words(tag));
        } else {
            notApplied(d, words);
        }
    }

    private static void notApplied(Draft d, String words) {
        d.notes.add("this catalog has no release years, so \"" + words.trim() + "\" was not applied");
    }
}
