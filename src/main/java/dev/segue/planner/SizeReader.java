package dev.segue.planner;

import static dev.segue.planner.PromptText.anyOf;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a playlist's size from a prompt, in the prompt's language (its lexicon's {@code sizes}): a number of tracks
 * ("12 songs", "ten calm tracks", "zwanzig Lieder"), more tracks in a refinement ("add 5 more songs"), or a duration
 * ("an hour and a half", "90 minutes", "una hora"). What it reads is blanked out of the text, so the numbers are not
 * read again as words.
 */
@ApplicationScoped
class SizeReader {

    /** The patterns of one language, and its numbers in words. */
    private record Patterns(
            Pattern trackCount, Pattern moreTracks, Pattern hours, Pattern minutes, Map<String, Double> numbers) {

        static Patterns of(Lexicon.Sizes sizes) {
            Map<String, Double> numbers = new HashMap<>();
            sizes.numbers().forEach((words, n) -> numbers.put(PromptText.key(words), n));
            Map<String, Double> amounts = new HashMap<>(numbers);
            sizes.durationNumbers().forEach((words, n) -> amounts.put(PromptText.key(words), n));
            String tracks = "(?:" + anyOf(sizes.tracks()) + ")";
            String more = "(?:" + anyOf(sizes.more()) + ")";
            // A year is no count: "songs from 2019" is an era.
            String count = "(?!(?:19|20)\\d{2}\\b)\\d{1,4}|" + anyOf(numbers.keySet());
            return new Patterns(
                    Pattern.compile("\\b(" + count + ")\\s+(?:[\\p{L}']+\\s+){0,3}?" + tracks + "\\b"),
                    Pattern.compile("\\b(?:" + anyOf(sizes.addCues()) + ")\\s+(\\d{1,3})\\s+(?:" + more + "\\s+)?"
                            + tracks + "\\b|\\b(\\d{1,3})\\s+" + more + "\\s+" + tracks + "\\b|\\b(\\d{1,3})\\s+"
                            + tracks + "\\s+" + more + "(?![\\p{L}])"),
                    Pattern.compile("\\b(\\d{1,4}(?:[.,]\\d+)?|" + anyOf(amounts.keySet()) + ")\\s*(?:"
                            + anyOf(sizes.hours()) + ")\\b(\\s+(?:" + anyOf(sizes.andAHalf()) + ")(?![\\p{L}]))?"),
                    Pattern.compile(
                            "\\b(\\d{1,4}|" + anyOf(numbers.keySet()) + ")\\s*(?:" + anyOf(sizes.minutes()) + ")\\b"),
                    amounts);
        }

        /** A number in digits (a decimal with a point or a comma) or in words; null when it is neither. */
        Double number(String text) {
            if (text.matches("\\d+([.,]\\d+)?")) {
                return Double.parseDouble(text.replace(',', '.'));
            }
            return numbers.get(text.trim().replaceAll("\\s+", " "));
        }
    }

    private final Map<Language, Patterns> patterns = new EnumMap<>(Language.class);

    SizeReader(PhraseBook phrases) {
        for (Language language : Language.values()) {
            patterns.put(language, Patterns.of(phrases.in(language).lexicon().sizes()));
        }
    }

    /** Reads the size into the draft; returns the text with what was read blanked out. */
    String read(String text, Draft d) {
        Patterns p = patterns.get(d.language);
        text = readTrackCount(text, d, p);
        return readDuration(text, d, p);
    }

    private static String readTrackCount(String text, Draft d, Patterns p) {
        Matcher more = p.moreTracks().matcher(text);
        if (more.find()) {
            String n = more.group(1) != null ? more.group(1) : more.group(2) != null ? more.group(2) : more.group(3);
            d.lengthDelta = Integer.parseInt(n);
            text = PromptText.blank(text, more);
        }
        Matcher count = p.trackCount().matcher(text);
        if (count.find()) {
            Double n = p.number(count.group(1));
            if (n != null && n >= 1 && n == Math.floor(n)) {
                d.length = n.intValue();
                // Only the number goes: the words between it and "songs" ("30 upbeat songs") are still to be read.
                text = text.substring(0, count.start(1))
                        + " ".repeat(count.end(1) - count.start(1))
                        + text.substring(count.end(1));
            }
        }
        return text;
    }

    private static String readDuration(String text, Draft d, Patterns p) {
        Matcher hours = p.hours().matcher(text);
        if (hours.find()) {
            double h = p.number(hours.group(1));
            if (hours.group(2) != null) {
                h += 0.5;
            }
            d.durationMinutes = (int) Math.round(h * 60);
            text = PromptText.blank(text, hours);
        }
        Matcher minutes = p.minutes().matcher(text);
        if (minutes.find()) {
            int m = p.number(minutes.group(1)).intValue();
            d.durationMinutes = d.durationMinutes == null ? m : d.durationMinutes + m;
            text = PromptText.blank(text, minutes);
        }
        return text;
    }
}
