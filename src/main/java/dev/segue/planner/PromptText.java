package dev.segue.planner;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Prompt text made comparable with the lexicon: lowercase, accents folded, common spellings of genre names
 * unified ("hip-hop", "rock 'n' roll", "drum & bass"), then split into words with clause breaks at punctuation.
 */
final class PromptText {

    /** A word of the prompt; {@code clause} increases at every punctuation mark, which ends a negation's scope. */
    record Word(String text, int clause) {}

    private static final String[][] SPELLINGS = {
        {"\\b(\\d0)'s\\b", "$1s"},
        {"\\brock\\s*'?n'?\\s*roll\\b|\\brock and roll\\b", "rocknroll"},
        {"\\bdrum\\s*'?n'?\\s*bass\\b|\\bdrum and bass\\b|\\bdrum & bass\\b|\\bd&b\\b|\\bd ?n ?b\\b", "drumnbass"},
        {"\\br ?& ?b\\b|\\br ?n ?b\\b", "rnb"},
        {"\\bhip[ -]?hop\\b", "hiphop"},
        {"\\btrip[ -]?hop\\b", "triphop"},
        {"\\blo[ -]?fi\\b", "lofi"},
        {"\\bpost[ -]rock\\b", "postrock"},
        {"\\bsynth[ -]wave\\b", "synthwave"},
        {"\\bchill[ -]out\\b", "chillout"},
        {"\\bdon'?t\\b", "dont"},
    };
    private static final List<Pattern> PATTERNS = new ArrayList<>();

    static {
        for (String[] spelling : SPELLINGS) {
            PATTERNS.add(Pattern.compile(spelling[0]));
        }
    }

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}&']+|[,.;:!?()\\[\\]\"{}|]");

    private PromptText() {}

    /** Lowercase, accent-folded text with unified genre spellings; hyphens and slashes become spaces. */
    static String normalize(String prompt) {
        String text = Normalizer.normalize(prompt, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replace("\u00df", "ss")
                .replace('\u2019', '\'')
                .replace('\u2018', '\'')
                .replace('\u201c', '"')
                .replace('\u201d', '"');
        for (int i = 0; i < SPELLINGS.length; i++) {
            text = PATTERNS.get(i).matcher(text).replaceAll(SPELLINGS[i][1]);
        }
        return text.replaceAll("[-_/+~]+", " ").replaceAll("\\p{Cntrl}", " ");
    }

    /** A lexicon entry as prompts are compared with it: normalized, single spaces, no spaces at the ends. */
    static String key(String phrase) {
        return normalize(phrase).trim().replaceAll("\\s+", " ");
    }

    /**
     * A regular expression matching any of the phrases (normalized, longest first, spaces matching any run of
     * whitespace); one that never matches when there are none.
     */
    static String anyOf(Collection<String> phrases) {
        if (phrases.isEmpty()) {
            return "(?!)";
        }
        return phrases.stream()
                .map(PromptText::key)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(p -> Pattern.quote(p).replace(" ", "\\E\\s+\\Q"))
                .collect(Collectors.joining("|"));
    }

    /**
     * How the prompt spells each of its words before accents are folded: the folded word mapped to the word as written
     * (lowercase), also for the parts of an elided word ("l'électro": l, électro).
     */
    static Map<String, String> surface(String prompt) {
        Map<String, String> out = new HashMap<>();
        String lower = Normalizer.normalize(prompt, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'')
                .replaceAll("[-_/+~]+", " ");
        Matcher m = TOKEN.matcher(lower);
        while (m.find()) {
            String token = m.group().replaceAll("^'+|'+$", "");
            List<String> parts = new ArrayList<>(List.of(token.split("'")));
            parts.add(token);
            for (String part : parts) {
                String key = key(part);
                if (!key.isEmpty() && !key.contains(" ")) {
                    out.putIfAbsent(key, part);
                }
            }
        }
        return out;
    }

    static List<Word> words(String normalized) {
        List<Word> words = new ArrayList<>();
        int clause = 0;
        Matcher m = TOKEN.matcher(normalized);
        while (m.find()) {
            String token = m.group();
            if (!Character.isLetterOrDigit(token.codePointAt(0))
                    && token.length() == 1
                    && !token.equals("&")
                    && !token.equals("'")) {
                clause++;
                continue;
            }
            String word = token.replaceAll("^'+|'+$", "");
            if (!word.isEmpty()) {
                words.add(new Word(word, clause));
            }
        }
        return words;
    }

    /** Whether the n words from word i are one clause (a phrase never spans punctuation). */
    static boolean sameClause(List<Word> words, int i, int n) {
        return words.get(i).clause() == words.get(i + n - 1).clause();
    }

    /** The n words from word i, joined by spaces. */
    static String join(List<Word> words, int i, int n) {
        StringBuilder out = new StringBuilder(words.get(i).text());
        for (int k = i + 1; k < i + n; k++) {
            out.append(' ').append(words.get(k).text());
        }
        return out.toString();
    }

    /** Length of the longest entry of {@code set} (one to three words) starting at word i, or 0. */
    static int longestMatch(List<Word> words, int i, Set<String> set) {
        for (int n = Math.min(3, words.size() - i); n >= 1; n--) {
            if (sameClause(words, i, n) && set.contains(join(words, i, n))) {
                return n;
            }
        }
        return 0;
    }

    /** The text with the match replaced by spaces, so that later readers neither see it nor lose their offsets. */
    static String blank(String text, Matcher match) {
        return text.substring(0, match.start()) + " ".repeat(match.end() - match.start()) + text.substring(match.end());
    }
}
