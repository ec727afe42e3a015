package dev.segue.planner;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.TagCategory;
import dev.segue.catalog.Tags;
import dev.segue.catalog.Track;
import dev.segue.embedding.TextEmbedder;
import dev.segue.embedding.Vectors;
import dev.segue.planner.PromptText.Word;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline planner's reading of a prompt: words and phrases become catalog tags (the catalog's own vocabulary,
 * then the lexicon's synonyms and activities, then embedding similarity of unknown words to tag names), negations
 * become exclusions, and numbers become a length, a duration or an era. Refinements ("more upbeat", "add some jazz",
 * "no piano", "make it 30 minutes") are read against the previous intent.
 */
@ApplicationScoped
public class IntentParser {

    private static final int MAX_PHRASE_WORDS = 4;
    private static final int MAX_ARTIST_WORDS = 6;
    private static final int MAX_REQUIRED_GROUPS = 5;
    /** Below this cosine, an unknown word is not read as a tag (all-MiniLM-L6-v2, word vs. tag words). */
    static final double INFER_THRESHOLD = 0.62;

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
    private static final Pattern YEAR_RANGE = Pattern.compile(
            "\\b(?:between\\s+|from\\s+)?((?:19|20)\\d{2})\\s*(?:-|to|and|until|till)\\s*((?:19|20)\\d{2})\\b");
    private static final Pattern YEAR_BOUND =
            Pattern.compile("\\b(after|since|from|before|until|till|pre|post)\\s+((?:19|20)\\d{2})\\b");
    private static final Pattern DECADE = Pattern.compile("\\b(?:(19|20)(\\d)0s|(\\d)0s)\\b");
    private static final Pattern DECADE_WORD = Pattern.compile("\\b(sixties|seventies|eighties|nineties|noughties)\\b");
    private static final Map<String, Integer> DECADE_WORDS =
            Map.of("sixties", 1960, "seventies", 1970, "eighties", 1980, "nineties", 1990, "noughties", 2000);

    private static final Set<String> ARTIST_CUES_BY = Set.of("by", "from", "play");
    private static final Set<String> ARTIST_CUES_LIKE = Set.of(
            "like",
            "similar to",
            "sounds like",
            "in the style of",
            "style of",
            "reminds me of",
            "artists like",
            "fans of",
            "inspired by");
    private static final Set<String> MORE_WORDS = Set.of("more", "extra", "heavier on");
    private static final Set<String> ADD_WORDS = Set.of(
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
            "few");
    private static final Set<String> LESS_WORDS = Set.of("less", "fewer", "lighter on", "not so much", "not as much");
    private static final Set<String> ONLY_WORDS = Set.of("only", "just", "purely", "exclusively");
    /** In a new prompt these make what follows a wish, not a requirement ("maybe a piano", "a little jazz"). */
    private static final Set<String> SOFT_WORDS = Set.of(
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
            "optionally");

    private enum Modifier {
        NONE,
        MORE,
        ADD,
        LESS,
        ONLY,
        SOFT
    }

    /** What one phrase of the lexicon or vocabulary means; a phrase can carry several meanings (e.g. "calm"). */
    private record Meaning(
            List<String> tags,
            String kind,
            String activity,
            Energy energy,
            boolean vocals,
            boolean instrumental,
            boolean clean) {
        Meaning with(List<String> t, String k) {
            return new Meaning(t, k, activity, energy, vocals, instrumental, clean);
        }
    }

    private final Catalog catalog;
    private final Lexicon lexicon;
    private final TextEmbedder embedder;
    private final Map<String, Meaning> phrases = new HashMap<>();
    private final Set<String> stopwords;
    private final Set<String> negations;
    private final Set<String> fillers;
    private final Map<String, float[]> tagVectors = new LinkedHashMap<>();
    private final Map<String, String> artistByKey;
    private final Set<String> vocabulary = new HashSet<>();
    private final boolean catalogHasYears;
    private final Integer newestYear;

    @Inject
    IntentParser(Catalog catalog, TextEmbedder embedder) {
        this(catalog, Lexicon.load(), embedder);
    }

    public IntentParser(Catalog catalog, Lexicon lexicon, TextEmbedder embedder) {
        this.catalog = catalog;
        this.lexicon = lexicon;
        this.embedder = embedder;
        for (TagCategory category : TagCategory.values()) {
            vocabulary.addAll(catalog.vocabulary(category).keySet());
        }
        this.stopwords = Set.copyOf(lexicon.stopwords());
        this.negations = Set.copyOf(lexicon.negations());
        this.fillers = Set.copyOf(lexicon.negationFillers());
        this.artistByKey = catalog.artistsByKey();
        this.catalogHasYears = catalog.hasYears();
        this.newestYear = catalog.tracks().stream()
                .map(Track::year)
                .filter(y -> y != null)
                .max(Integer::compare)
                .orElse(null);
        buildPhrases();
        List<String> tags = new ArrayList<>(vocabulary);
        tags.sort(null);
        List<float[]> vectors =
                embedder.embedAll(tags.stream().map(Tags::words).toList(), dev.segue.catalog.ProgressBar.SILENT);
        for (int i = 0; i < tags.size(); i++) {
            tagVectors.put(tags.get(i), vectors.get(i));
        }
    }

    private void buildPhrases() {
        Meaning none = new Meaning(List.of(), null, null, null, false, false, false);
        for (String tag : vocabulary) {
            phrases.put(tag, none.with(List.of(tag), "tag"));
            phrases.put(Tags.words(tag), none.with(List.of(tag), "tag"));
        }
        lexicon.synonyms().forEach((phrase, tags) -> {
            List<String> known = tags.stream().filter(vocabulary::contains).toList();
            if (!known.isEmpty()) {
                phrases.put(phrase, phrases.getOrDefault(phrase, none).with(known, "synonym"));
            }
        });
        lexicon.activities()
                .forEach((name, activity) -> activity.words().forEach(word -> {
                    Meaning m = phrases.getOrDefault(word, none);
                    phrases.put(
                            word,
                            new Meaning(m.tags(), m.kind(), name, m.energy(), m.vocals(), m.instrumental(), m.clean()));
                }));
        lexicon.energy()
                .forEach((level, words) -> words.forEach(word -> {
                    Meaning m = phrases.getOrDefault(word, none);
                    phrases.put(
                            word,
                            new Meaning(
                                    m.tags(),
                                    m.kind(),
                                    m.activity(),
                                    Energy.valueOf(level.toUpperCase(Locale.ROOT)),
                                    m.vocals(),
                                    m.instrumental(),
                                    m.clean()));
                }));
        lexicon.vocals().words().forEach(word -> {
            Meaning m = phrases.getOrDefault(word, none);
            phrases.put(word, new Meaning(m.tags(), m.kind(), m.activity(), m.energy(), true, false, m.clean()));
        });
        lexicon.vocals().instrumentalWords().forEach(word -> {
            Meaning m = phrases.getOrDefault(word, none);
            phrases.put(word, new Meaning(m.tags(), m.kind(), m.activity(), m.energy(), false, true, m.clean()));
        });
        lexicon.clean().forEach(word -> {
            Meaning m = phrases.getOrDefault(word, none);
            phrases.put(
                    word,
                    new Meaning(m.tags(), m.kind(), m.activity(), m.energy(), m.vocals(), m.instrumental(), true));
        });
    }

    /** Reads a new prompt. */
    public Intent parse(String prompt) {
        return read(prompt, false).build();
    }

    /** Reads a refinement of an earlier intent: what still fits stays, the change is applied on top. */
    public Intent refine(Intent base, String refinement) {
        Draft delta = read(refinement, true);
        return delta.mergeInto(base);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Draft read(String prompt, boolean refining) {
        Draft d = new Draft(refining);
        String text = PromptText.normalize(prompt);
        text = readNumbers(text, d);
        text = readEra(text, d);
        List<Word> words = PromptText.words(text);
        walk(words, d);
        inferUnknownWords(d);
        return d;
    }

    private String readNumbers(String text, Draft d) {
        Matcher more = MORE_TRACKS.matcher(text);
        if (more.find()) {
            d.lengthDelta = Integer.parseInt(more.group(1) != null ? more.group(1) : more.group(2));
            text = blank(text, more);
        }
        Matcher count = TRACK_COUNT.matcher(text);
        if (count.find()) {
            Integer n = number(count.group(1));
            if (n != null && n > 0) {
                d.length = n;
                text = text.substring(0, count.start(1))
                        + " ".repeat(count.end(1) - count.start(1))
                        + text.substring(count.end(1));
            }
        }
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
            text = blank(text, hours);
        }
        Matcher minutes = MINUTES.matcher(text);
        if (minutes.find()) {
            int m = Integer.parseInt(minutes.group(1));
            d.durationMinutes = d.durationMinutes == null ? m : d.durationMinutes + m;
            text = blank(text, minutes);
        }
        return text;
    }

    private static Integer number(String text) {
        if (text.matches("\\d+")) {
            return Integer.parseInt(text);
        }
        if (text.matches("\\d+\\.\\d+")) {
            return null;
        }
        return NUMBER_WORDS.get(text);
    }

    private String readEra(String text, Draft d) {
        Matcher range = YEAR_RANGE.matcher(text);
        if (range.find()) {
            int a = Integer.parseInt(range.group(1));
            int b = Integer.parseInt(range.group(2));
            d.era(Math.min(a, b), Math.max(a, b), range.group().trim());
            text = blank(text, range);
        }
        Matcher bound = YEAR_BOUND.matcher(text);
        while (bound.find()) {
            int year = Integer.parseInt(bound.group(2));
            switch (bound.group(1)) {
                case "after", "post" -> d.era(year + 1, null, bound.group());
                case "since", "from" -> d.era(year, null, bound.group());
                default -> d.era(null, year - 1, bound.group());
            }
        }
        text = YEAR_BOUND.matcher(text).replaceAll(" ");
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
            d.decade(start, decade.group());
            decade.appendReplacement(rest, " ");
        }
        decade.appendTail(rest);
        text = rest.toString();
        Matcher word = DECADE_WORD.matcher(text);
        while (word.find()) {
            d.decade(DECADE_WORDS.get(word.group(1)), word.group(1));
        }
        text = DECADE_WORD.matcher(text).replaceAll(" ");
        if (catalogHasYears
                && newestYear != null
                && text.matches(".*\\b(recent|latest|brand new|fresh|current)\\b.*")) {
            d.era(newestYear - 2, null, "recent");
        }
        return text;
    }

    private static String blank(String text, Matcher m) {
        return text.substring(0, m.start()) + " ".repeat(m.end() - m.start()) + text.substring(m.end());
    }

    private void walk(List<Word> words, Draft d) {
        boolean negating = false;
        Modifier modifier = Modifier.NONE;
        int clause = -1;
        int i = 0;
        while (i < words.size()) {
            Word word = words.get(i);
            if (word.clause() != clause) {
                clause = word.clause();
                negating = false;
                modifier = Modifier.NONE;
            }
            int cue = matchAny(words, i, negations);
            if (cue > 0) {
                negating = true;
                i += cue;
                continue;
            }
            if (negating && (word.text().equals("but") || word.text().equals("for"))) {
                negating = false;
            }
            if (!negating && word.text().equals("or")) {
                d.orPending = true; // "piano or acoustic guitar": the next wish joins the previous one
                i++;
                continue;
            }
            if (negating && fillers.contains(word.text())) {
                i++;
                continue;
            }
            int mod;
            if (!negating && (mod = matchAny(words, i, LESS_WORDS)) > 0) {
                modifier = Modifier.LESS;
                i += mod;
                continue;
            }
            if (!negating && (mod = matchAny(words, i, ONLY_WORDS)) > 0) {
                modifier = Modifier.ONLY;
                i += mod;
                continue;
            }
            if (d.refining && !negating && (mod = matchAny(words, i, MORE_WORDS)) > 0) {
                modifier = Modifier.MORE;
                i += mod;
                continue;
            }
            if (d.refining && !negating && (mod = matchAny(words, i, ADD_WORDS)) > 0) {
                modifier = Modifier.ADD;
                i += mod;
                continue;
            }
            if (!d.refining && !negating && (mod = matchAny(words, i, SOFT_WORDS)) > 0) {
                modifier = Modifier.SOFT;
                i += mod;
                continue;
            }
            int consumed = artistAt(words, i, negating, modifier, d);
            if (consumed > 0) {
                i += consumed;
                continue;
            }
            consumed = phraseAt(words, i, negating, modifier, d);
            if (consumed > 0) {
                i += consumed;
                continue;
            }
            String w = word.text();
            if (d.refining && (w.equals("longer") || w.equals("shorter"))) {
                d.scale = w.equals("longer") ? 1.5 : 2 / 3.0;
                i++;
                continue;
            }
            if (!stopwords.contains(w) && !w.matches("\\d+") && w.length() >= 3 && !NUMBER_WORDS.containsKey(w)) {
                if (negating) {
                    d.unmatched.add("no " + w);
                } else {
                    d.unknown.add(w);
                }
            }
            i++;
        }
    }

    /** Length of the longest entry of {@code set} (one to three words) starting at word i, or 0. */
    private static int matchAny(List<Word> words, int i, Set<String> set) {
        for (int n = Math.min(3, words.size() - i); n >= 1; n--) {
            if (sameClause(words, i, n) && set.contains(join(words, i, n))) {
                return n;
            }
        }
        return 0;
    }

    private int artistAt(List<Word> words, int i, boolean negating, Modifier modifier, Draft d) {
        int cueWords = 0;
        boolean by = false;
        boolean like = false;
        for (int n = Math.min(4, words.size() - i); n >= 1; n--) {
            String cue = join(words, i, n);
            if (sameClause(words, i, n) && (ARTIST_CUES_BY.contains(cue) || ARTIST_CUES_LIKE.contains(cue))) {
                cueWords = n;
                by = ARTIST_CUES_BY.contains(cue);
                like = !by;
                break;
            }
        }
        int start = i + cueWords;
        if (start >= words.size()) {
            return 0;
        }
        for (int n = Math.min(MAX_ARTIST_WORDS, words.size() - start); n >= 1; n--) {
            if (!sameClause(words, start, n)) {
                continue;
            }
            String artist = artistByKey.get(join(words, start, n));
            if (artist == null) {
                continue;
            }
            // Without a cue ("by", "like", "not"), a name is read as an artist only when it cannot be ordinary words:
            // several words not all in the lexicon, or a single word that is the whole prompt ("jahzzar").
            if (cueWords == 0 && !negating) {
                boolean alone = onlyStopwordsBesides(words, start, n);
                if (n == 1 ? !alone : allCommon(words, start, n)) {
                    continue;
                }
            }
            if (n == 1 && phrases.containsKey(words.get(start).text()) && cueWords == 0) {
                continue; // "no piano" means the instrument even if an artist is called Piano
            }
            if (negating) {
                d.excludeArtists.add(artist);
            } else if (modifier == Modifier.ADD) {
                d.mixIns.add(new MixIn(artist, List.of(), artist, 0.3));
            } else if (by || modifier == Modifier.ONLY) {
                d.artists.add(artist);
            } else {
                d.similarTo.add(artist);
            }
            return cueWords + n;
        }
        if (cueWords > 0
                && (by || like)
                && !words.get(i).text().equals("from")
                && !words.get(i).text().equals("play")) {
            // "by Taylor Swift" names an artist this catalog does not have: say so, and do not read the name's
            // words as moods or genres ("swift" is not a tempo).
            int n = 0;
            while (start + n < words.size() && n < 4 && sameClause(words, start, n + 1)) {
                String w = words.get(start + n).text();
                if (stopwords.contains(w)
                        || negations.contains(w)
                        || phrases.containsKey(w)
                        || lookupStem(w).isPresent()
                        || w.matches("\\d+")) {
                    break;
                }
                n++;
            }
            if (n > 0) {
                d.notes.add("no artist called \"" + join(words, start, n) + "\" in this catalog");
                return cueWords + n;
            }
        }
        return 0;
    }

    private boolean onlyStopwordsBesides(List<Word> words, int start, int n) {
        for (int k = 0; k < words.size(); k++) {
            if ((k < start || k >= start + n)
                    && !stopwords.contains(words.get(k).text())) {
                return false;
            }
        }
        return true;
    }

    private boolean allCommon(List<Word> words, int start, int n) {
        for (int k = start; k < start + n; k++) {
            String w = words.get(k).text();
            if (!stopwords.contains(w)
                    && !phrases.containsKey(w)
                    && !lookupStem(w).isPresent()) {
                return false;
            }
        }
        return true;
    }

    private int phraseAt(List<Word> words, int i, boolean negating, Modifier modifier, Draft d) {
        for (int n = Math.min(MAX_PHRASE_WORDS, words.size() - i); n >= 1; n--) {
            if (!sameClause(words, i, n)) {
                continue;
            }
            String phrase = join(words, i, n);
            Meaning meaning = phrases.get(phrase);
            if (meaning == null && n == 1) {
                meaning = lookupStem(phrase).orElse(null);
            }
            if (meaning == null
                    || (meaning.tags().isEmpty()
                            && meaning.activity() == null
                            && meaning.energy() == null
                            && !meaning.vocals()
                            && !meaning.instrumental()
                            && !meaning.clean())) {
                continue;
            }
            apply(phrase, meaning, negating, modifier, d);
            return n;
        }
        return 0;
    }

    private java.util.Optional<Meaning> lookupStem(String word) {
        if (word.length() < 4) {
            return java.util.Optional.empty();
        }
        List<String> stems = new ArrayList<>();
        if (word.endsWith("ies")) {
            stems.add(word.substring(0, word.length() - 3) + "y");
        }
        if (word.endsWith("es")) {
            stems.add(word.substring(0, word.length() - 2));
        }
        if (word.endsWith("s")) {
            stems.add(word.substring(0, word.length() - 1));
        }
        if (word.endsWith("ing")) {
            stems.add(word.substring(0, word.length() - 3));
            stems.add(word.substring(0, word.length() - 3) + "e");
        }
        if (word.endsWith("ier")) {
            stems.add(word.substring(0, word.length() - 3) + "y");
        }
        if (word.endsWith("er")) {
            stems.add(word.substring(0, word.length() - 2));
            stems.add(word.substring(0, word.length() - 1));
        }
        if (word.endsWith("ed")) {
            stems.add(word.substring(0, word.length() - 2));
            stems.add(word.substring(0, word.length() - 1));
        }
        if (word.endsWith("y")) {
            stems.add(word.substring(0, word.length() - 1));
        }
        if (word.endsWith("ly")) {
            stems.add(word.substring(0, word.length() - 2));
        }
        return stems.stream()
                .filter(s -> s.length() >= 3)
                .map(phrases::get)
                .filter(m -> m != null)
                .findFirst();
    }

    private void apply(String phrase, Meaning meaning, boolean negating, Modifier modifier, Draft d) {
        if (negating) {
            if (meaning.vocals()
                    || meaning.tags().contains("voice") && meaning.tags().size() == 1) {
                d.noVocals = true;
                return;
            }
            if (meaning.instrumental() || meaning.clean()) {
                d.notes.add("ignored \"no " + phrase + "\"");
                return;
            }
            Set<String> excluded = exclusionTags(phrase, meaning);
            if (excluded.isEmpty()) {
                d.unmatched.add("no " + phrase);
            } else {
                d.excludeTags.addAll(excluded);
            }
            return;
        }
        if (meaning.instrumental()) {
            d.noVocals = true;
            d.preferInstrumental = true;
            return;
        }
        if (meaning.clean()) {
            d.cleanOnly = true;
            return;
        }
        if (modifier == Modifier.LESS) {
            if (meaning.energy() != null) {
                d.energy = meaning.energy() == Energy.HIGH ? Energy.LOW : Energy.HIGH;
            }
            if (meaning.vocals()) {
                d.preferInstrumental = true;
            }
            if (!meaning.tags().isEmpty()) {
                d.include.add(new TagGroup(phrase, meaning.tags(), "refine", -0.7, false));
            }
            return;
        }
        if (meaning.energy() != null && (d.energy == null || d.refining)) {
            d.energy = meaning.energy();
        }
        if (meaning.activity() != null && modifier == Modifier.NONE) {
            Lexicon.Activity activity = lexicon.activities().get(meaning.activity());
            if (d.activity == null) {
                d.activity = meaning.activity();
            }
            if (activity.energy() != null && d.energy == null) {
                d.energy = Energy.valueOf(activity.energy().toUpperCase(Locale.ROOT));
            }
            d.preferInstrumental |= activity.preferInstrumental();
            List<String> tags =
                    activity.tags().stream().filter(vocabulary::contains).toList();
            if (!tags.isEmpty()) {
                d.include.add(new TagGroup(phrase, tags, "activity", 0.6, false));
            }
            d.queryWords.add(phrase);
            return;
        }
        if (meaning.tags().isEmpty()) {
            if (meaning.energy() != null) {
                d.queryWords.add(phrase);
            }
            return;
        }
        TagGroup group = switch (modifier) {
            case ADD -> null;
            case MORE -> new TagGroup(phrase, meaning.tags(), "refine", 1.0, false);
            case ONLY -> new TagGroup(phrase, meaning.tags(), meaning.kind(), 1.0, true);
            case SOFT -> new TagGroup(phrase, meaning.tags(), meaning.kind(), 0.5, false);
            default ->
                d.refining
                        ? new TagGroup(phrase, meaning.tags(), "refine", 1.0, false)
                        : new TagGroup(phrase, meaning.tags(), meaning.kind(), weightOf(meaning.tags()), true);
        };
        if (group == null) {
            d.mixIns.add(new MixIn(phrase, meaning.tags(), null, 0.3));
        } else if (d.orPending
                && !d.include.isEmpty()
                && !d.include.get(d.include.size() - 1).kind().equals("activity")) {
            TagGroup previous = d.include.remove(d.include.size() - 1);
            List<String> tags = new ArrayList<>(previous.tags());
            group.tags().stream().filter(t -> !tags.contains(t)).forEach(tags::add);
            d.include.add(new TagGroup(
                    previous.phrase() + " or " + phrase,
                    tags,
                    previous.kind(),
                    Math.min(previous.weight(), group.weight()),
                    previous.required() && group.required()));
        } else {
            d.include.add(group);
        }
        d.orPending = false;
        if (modifier != Modifier.ADD) {
            d.queryWords.add(phrase);
            String first = Tags.words(meaning.tags().get(0));
            if (!first.equals(phrase) && !vocabulary.contains(phrase)) {
                d.queryWords.add(first);
            }
        }
    }

    /** Genres and instruments define the sound more than a mood tag does, so they weigh a little more. */
    private double weightOf(List<String> tags) {
        return catalog.categoryOf(tags.get(0))
                .map(c -> c == TagCategory.MOOD ? 1.0 : 1.2)
                .orElse(1.0);
    }

    /**
     * Tags a negated phrase rules out: the tag it names (or the lexicon's first reading of it) and every tag that
     * contains it as a word ("no rock" also rules out hard rock and pop rock; "nothing dark" dark ambient).
     */
    private Set<String> exclusionTags(String phrase, Meaning meaning) {
        Set<String> out = new LinkedHashSet<>();
        if (!meaning.tags().isEmpty()) {
            out.add(meaning.tags().get(0));
        }
        if (vocabulary.contains(phrase)) {
            out.add(phrase);
        }
        Set<String> seeds = new LinkedHashSet<>(out);
        seeds.add(phrase);
        for (String tag : vocabulary) {
            String words = " " + Tags.words(tag) + " ";
            for (String seed : seeds) {
                if (words.contains(" " + Tags.words(seed) + " ")) {
                    out.add(tag);
                }
            }
        }
        return out;
    }

    /** Words no list knows are compared with every tag name; a close enough tag becomes a soft, inferred group. */
    private void inferUnknownWords(Draft d) {
        if (d.unknown.isEmpty()) {
            return;
        }
        List<String> words = new ArrayList<>(new LinkedHashSet<>(d.unknown));
        List<float[]> vectors = words.size() == 1
                ? List.of(embedder.embed(words.get(0)))
                : words.stream().map(embedder::embed).toList();
        for (int k = 0; k < words.size(); k++) {
            String best = null;
            double bestScore = -1;
            for (Map.Entry<String, float[]> tag : tagVectors.entrySet()) {
                double score = Vectors.dot(vectors.get(k), tag.getValue());
                if (score > bestScore) {
                    bestScore = score;
                    best = tag.getKey();
                }
            }
            String word = words.get(k);
            d.queryWords.add(word);
            if (best != null && bestScore >= INFER_THRESHOLD && !d.excludeTags.contains(best)) {
                d.include.add(new TagGroup(word, List.of(best), "inferred", 0.5, false));
                d.notes.add(String.format(
                        Locale.ROOT, "read \"%s\" as the tag %s (similarity %.2f)", word, best, bestScore));
            } else {
                d.unmatched.add(word);
            }
        }
    }

    private static boolean sameClause(List<Word> words, int i, int n) {
        return words.get(i).clause() == words.get(i + n - 1).clause();
    }

    private static String join(List<Word> words, int i, int n) {
        StringBuilder out = new StringBuilder(words.get(i).text());
        for (int k = i + 1; k < i + n; k++) {
            out.append(' ').append(words.get(k).text());
        }
        return out.toString();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The intent being read; turned into an {@link Intent}, or merged into an earlier one for a refinement. */
    private final class Draft {
        final boolean refining;
        final List<TagGroup> include = new ArrayList<>();
        final Set<String> excludeTags = new LinkedHashSet<>();
        final Set<String> artists = new LinkedHashSet<>();
        final Set<String> similarTo = new LinkedHashSet<>();
        final Set<String> excludeArtists = new LinkedHashSet<>();
        final List<MixIn> mixIns = new ArrayList<>();
        final List<String> queryWords = new ArrayList<>();
        final List<String> unknown = new ArrayList<>();
        final List<String> unmatched = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        Integer yearFrom;
        Integer yearTo;
        Energy energy;
        String activity;
        boolean noVocals;
        boolean preferInstrumental;
        boolean cleanOnly;
        Integer length;
        Integer lengthDelta;
        Integer durationMinutes;
        Double scale;
        boolean orPending;

        Draft(boolean refining) {
            this.refining = refining;
        }

        void era(Integer from, Integer to, String words) {
            if (!catalogHasYears) {
                notes.add("this catalog has no release years, so \"" + words.trim() + "\" was not applied");
                return;
            }
            if (from != null) {
                yearFrom = from;
            }
            if (to != null) {
                yearTo = to;
            }
        }

        void decade(int start, String words) {
            String tag = (start % 100) / 10 * 10 + "s";
            if (catalogHasYears) {
                yearFrom = yearFrom == null ? start : Math.min(yearFrom, start);
                yearTo = yearTo == null ? start + 9 : Math.max(yearTo, start + 9);
            } else if (vocabulary.contains(tag)) {
                include.add(new TagGroup(words.trim(), List.of(tag), "era", 1.0, !refining));
                queryWords.add(Tags.words(tag));
            } else {
                notes.add("this catalog has no release years, so \"" + words.trim() + "\" was not applied");
            }
        }

        /** Drops exclusions from the included groups; a group left with no tags is dropped, with a note. */
        List<TagGroup> cleanedGroups(List<TagGroup> groups, Set<String> excluded) {
            List<TagGroup> out = new ArrayList<>();
            for (TagGroup g : groups) {
                List<String> kept =
                        g.tags().stream().filter(t -> !excluded.contains(t)).toList();
                if (kept.isEmpty()) {
                    notes.add("dropped \"" + g.phrase() + "\": everything it matched is excluded");
                } else if (out.stream().noneMatch(o -> o.phrase().equals(g.phrase()) && o.weight() == g.weight())) {
                    out.add(new TagGroup(g.phrase(), kept, g.kind(), g.weight(), g.required()));
                }
            }
            return out;
        }

        /**
         * A long, rambling prompt names many things; requiring all of them leaves almost nothing. The first few
         * named facets stay required, the rest only shape the ranking.
         */
        List<TagGroup> capRequired(List<TagGroup> groups) {
            List<TagGroup> out = new ArrayList<>();
            int required = 0;
            for (TagGroup g : groups) {
                if (g.required() && ++required > MAX_REQUIRED_GROUPS) {
                    out.add(new TagGroup(g.phrase(), g.tags(), g.kind(), 0.5, false));
                } else {
                    out.add(g);
                }
            }
            if (required > MAX_REQUIRED_GROUPS) {
                notes.add(
                        "a long prompt: the first " + MAX_REQUIRED_GROUPS + " things it names are required, the other "
                                + (required - MAX_REQUIRED_GROUPS) + " only shape the ranking");
            }
            return out;
        }

        String queryText(String fallback) {
            List<String> distinct = new ArrayList<>(new LinkedHashSet<>(queryWords));
            return distinct.isEmpty() ? fallback : String.join(", ", distinct);
        }

        Intent build() {
            if (noVocals) {
                excludeTags.addAll(lexicon.vocals().vocalTags().stream()
                        .filter(vocabulary::contains)
                        .toList());
            }
            List<TagGroup> groups = capRequired(cleanedGroups(include, excludeTags));
            Set<String> excludedArtistKeys = new HashSet<>();
            excludeArtists.forEach(a -> excludedArtistKeys.add(Catalog.artistKey(a)));
            artists.removeIf(a -> excludedArtistKeys.contains(Catalog.artistKey(a)));
            similarTo.removeIf(a -> excludedArtistKeys.contains(Catalog.artistKey(a)));
            String fallback = similarTo.isEmpty() && artists.isEmpty()
                    ? "music"
                    : String.join(", ", similarTo.isEmpty() ? artists : similarTo);
            return new Intent(
                    new Intent.Tags(groups, List.copyOf(excludeTags)),
                    new Intent.Artists(List.copyOf(artists), List.copyOf(similarTo), List.copyOf(excludeArtists)),
                    new Intent.Era(yearFrom, yearTo),
                    new Intent.Feel(energy, activity, noVocals, preferInstrumental, cleanOnly),
                    new Intent.Size(length, length == null ? durationMinutes : null),
                    mixIns,
                    new Intent.Wording(queryText(fallback), unmatched, notes));
        }

        /** A refinement applied to an earlier intent: exclusions accumulate, new wishes are added, numbers replace. */
        Intent mergeInto(Intent base) {
            Set<String> excluded = new LinkedHashSet<>(base.excludeTags());
            excluded.addAll(excludeTags);
            boolean vocalsOff = base.noVocals() || noVocals;
            if (vocalsOff) {
                excluded.addAll(lexicon.vocals().vocalTags().stream()
                        .filter(vocabulary::contains)
                        .toList());
            }
            List<TagGroup> groups = new ArrayList<>(base.include());
            if (energy != null && base.energy() != null && energy != base.energy()) {
                // "calmer" after "energetic": the old energy wish gives way instead of staying required.
                List<String> old =
                        lexicon.energy().getOrDefault(base.energy().name().toLowerCase(Locale.ROOT), List.of());
                List<TagGroup> replaced =
                        groups.stream().filter(g -> old.contains(g.phrase())).toList();
                groups.removeAll(replaced);
                replaced.forEach(g -> notes.add("\"" + g.phrase() + "\" gave way to the new energy"));
            }
            groups.addAll(include);
            groups = cleanedGroups(groups, excluded);
            Set<String> noArtists = new LinkedHashSet<>(base.excludeArtists());
            noArtists.addAll(excludeArtists);
            Set<String> noArtistKeys = new HashSet<>();
            noArtists.forEach(a -> noArtistKeys.add(Catalog.artistKey(a)));
            List<String> onlyArtists = (artists.isEmpty() ? base.artists() : List.copyOf(artists))
                    .stream()
                            .filter(a -> !noArtistKeys.contains(Catalog.artistKey(a)))
                            .toList();
            Set<String> like = new LinkedHashSet<>(base.similarToArtists());
            like.addAll(similarTo);
            like.removeIf(a -> noArtistKeys.contains(Catalog.artistKey(a)));
            List<MixIn> mixes = new ArrayList<>(base.mixIns());
            mixes.addAll(mixIns);
            mixes.removeIf(m -> m.artist() != null && noArtistKeys.contains(Catalog.artistKey(m.artist())));
            Integer newLength = length;
            Integer newDuration = durationMinutes;
            if (lengthDelta != null) {
                newLength = (base.length() == null ? 20 : base.length()) + lengthDelta;
            }
            if (newLength == null && newDuration == null) {
                newLength = base.length();
                newDuration = base.durationMinutes();
                if (scale != null && newDuration != null) {
                    newDuration = (int) Math.round(newDuration * scale);
                } else if (scale != null) {
                    newLength = (int) Math.round((newLength == null ? 20 : newLength) * scale);
                }
            }
            String query = base.queryText();
            List<String> added = new ArrayList<>(new LinkedHashSet<>(queryWords));
            if (!added.isEmpty()) {
                query = query + ", " + String.join(", ", added);
            }
            return new Intent(
                    new Intent.Tags(groups, List.copyOf(excluded)),
                    new Intent.Artists(onlyArtists, List.copyOf(like), List.copyOf(noArtists)),
                    yearFrom != null || yearTo != null ? new Intent.Era(yearFrom, yearTo) : base.era(),
                    new Intent.Feel(
                            energy != null ? energy : base.energy(),
                            activity != null ? activity : base.activity(),
                            vocalsOff,
                            base.preferInstrumental() || preferInstrumental,
                            base.cleanOnly() || cleanOnly),
                    new Intent.Size(newLength, newLength != null ? null : newDuration),
                    mixes,
                    new Intent.Wording(query, unmatched, notes));
        }
    }
}
