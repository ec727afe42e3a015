package dev.segue.planner;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a playlist's size from a prompt: a number of tracks ("12 songs", "ten calm tracks"), more tracks in a
 * refinement ("add 5 more songs"), or a duration ("an hour and a half", "90 minutes"). What it reads is blanked out of
 * the text, so the numbers are not read again as words.
 */
final class SizeReader {

    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("a", 1),
            Map.entry("an", 1),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("fifteen", 15),
            Map.entry("twenty", 20),
            Map.entry("thirty", 30),
            Map.entry("forty", 40),
            Map.entry("fifty", 50),
            Map.entry("sixty", 60),
            Map.entry("ninety", 90),
            Map.entry("a dozen", 12),
            Map.entry("dozen", 12),
            Map.entry("a couple of", 2),
            Map.entry("half an", 0),
            Map.entry("half a", 0));
    private static final String NUMBER =
            "(\\d{1,4}(?:\\.\\d+)?|a dozen|a couple of|half an?|an?|one|two|three|four|five|six|"
                    + "seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety)";
    private static final Pattern TRACK_COUNT = Pattern.compile("\\b(\\d{1,4}|a dozen|one|two|three|four|five|six|seven|"
            + "eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety)"
            + "\\s+(?:[a-z']+\\s+){0,3}?(?:songs|tracks|tunes|pieces|bangers|jams|titles)\\b");
    private static final Pattern MORE_TRACKS = Pattern.compile(
            "\\b(?:add|another|plus)\\s+(\\d{1,3})\\s+(?:more\\s+)?(?:songs|tracks)\\b|\\b(\\d{1,3})\\s+more\\s+(?:songs|tracks)\\b");
    private static final Pattern HOURS =
            Pattern.compile("\\b" + NUMBER + "\\s*(?:hours?|hrs?|h)\\b(\\s+and\\s+a\\s+half)?");
    private static final Pattern MINUTES = Pattern.compile("\\b(\\d{1,4})\\s*(?:minutes?|mins?|m)\\b");

    private SizeReader() {}

    /** Reads the size into the draft; returns the text with what was read blanked out. */
    static String read(String text, Draft d) {
        text = readTrackCount(text, d);
        return readDuration(text, d);
    }

    /** Whether the word is a number in words ("ten", "a dozen"): never a mood or a genre. */
    static boolean isNumberWord(String word) {
        return NUMBER_WORDS.containsKey(word);
    }

    private static String readTrackCount(String text, Draft d) {
        Matcher more = MORE_TRACKS.matcher(text);
        if (more.find()) {
            d.lengthDelta = Integer.parseInt(more.group(1) != null ? more.group(1) : more.group(2));
            text = PromptText.blank(text, more);
        }
        Matcher count = TRACK_COUNT.matcher(text);
        if (count.find()) {
            Integer n = number(count.group(1));
            if (n != null && n > 0) {
                d.length = n;
                // Only the number goes: the words between it and "songs" ("30 upbeat songs") are still to be read.
                text = text.substring(0, count.start(1))
                        + " ".repeat(count.end(1) - count.start(1))
                        + text.substring(count.end(1));
            }
        }
        return text;
    }

    private static String readDuration(String text, Draft d) {
        Matcher hours = HOURS.matcher(text);
        if (hours.find()) {
            String amount = hours.group(1);
            double h = amount.startsWith("half")
                    ? 0.5
                    : number(amount) == null ? Double.parseDouble(amount) : number(amount);
            if (hours.group(2) != null) {
                h += 0.5;
            }
            d.durationMinutes = (int) Math.round(h * 60);
            text = PromptText.blank(text, hours);
        }
        Matcher minutes = MINUTES.matcher(text);
        if (minutes.find()) {
            int m = Integer.parseInt(minutes.group(1));
            d.durationMinutes = d.durationMinutes == null ? m : d.durationMinutes + m;
            text = PromptText.blank(text, minutes);
        }
        return text;
    }

    /** A whole number in digits or words; null for a decimal ("1.5"). */
    private static Integer number(String text) {
        if (text.matches("\\d+")) {
            return Integer.parseInt(text);
        }
        if (text.matches("\\d+\\.\\d+")) {
            return null;
        }
        return NUMBER_WORDS.get(text);
    }
}
