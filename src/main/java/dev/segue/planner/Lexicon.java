package dev.segue.planner;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The offline planner's word lists for one language, loaded from planner/lexicon.json (English) or
 * planner/lexicon-&lt;code&gt;.json: data, so they can be tuned without code. English maps words to catalog tags
 * (synonyms, activities, energy, vocals, clean lyrics); another language maps its words to English phrases
 * ({@code translations}: "ruhig" means what "calm" means) and brings its own function words, numbers and era words.
 * Sections a language does not need are absent, and read as empty. {@code postNegations} negate the phrase before
 * them ("vocal-free").
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Lexicon(
        Map<String, List<String>> synonyms,
        Map<String, Activity> activities,
        Map<String, List<String>> energy,
        Vocals vocals,
        List<String> clean,
        List<String> stopwords,
        List<String> negations,
        List<String> negationFillers,
        List<String> postNegations,
        Map<String, String> translations,
        Map<String, List<String>> modifiers,
        Map<String, List<String>> artistCues,
        List<String> elisions,
        List<String> compoundTails,
        Sizes sizes,
        Eras eras) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Activity(List<String> words, List<String> tags, String energy, boolean preferInstrumental) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Vocals(List<String> words, List<String> vocalTags, List<String> instrumentalWords) {
        static final Vocals NONE = new Vocals(List.of(), List.of(), List.of());
    }

    /**
     * How a playlist's size is said: numbers in words (counts; {@code durationNumbers} only before an hour: "an hour",
     * "half an hour", "una hora"), the nouns for tracks, hours and minutes, "and a half", and in a refinement "add 5
     * more songs".
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sizes(
            Map<String, Double> numbers,
            Map<String, Double> durationNumbers,
            List<String> tracks,
            List<String> hours,
            List<String> minutes,
            List<String> andAHalf,
            List<String> addCues,
            List<String> more) {}

    /**
     * How an era is said: the words before a year (a range's start and separator; since, after, before, in), after it
     * ("onwards"), around a decade ("años 80", "80s", "80er") and decades by name; and "recent".
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Eras(
            List<String> rangeStarts,
            List<String> rangeSeparators,
            List<String> since,
            List<String> after,
            List<String> before,
            List<String> in,
            List<String> onwards,
            List<String> decadePrefixes,
            List<String> decadeSuffixes,
            Map<String, Integer> decadeNames,
            List<String> recent) {}

    public Lexicon {
        synonyms = Objects.requireNonNullElse(synonyms, Map.of());
        activities = Objects.requireNonNullElse(activities, Map.of());
        energy = Objects.requireNonNullElse(energy, Map.of());
        vocals = Objects.requireNonNullElse(vocals, Vocals.NONE);
        clean = Objects.requireNonNullElse(clean, List.of());
        stopwords = Objects.requireNonNullElse(stopwords, List.of());
        negations = Objects.requireNonNullElse(negations, List.of());
        negationFillers = Objects.requireNonNullElse(negationFillers, List.of());
        postNegations = Objects.requireNonNullElse(postNegations, List.of());
        translations = Objects.requireNonNullElse(translations, Map.of());
        modifiers = Objects.requireNonNullElse(modifiers, Map.of());
        artistCues = Objects.requireNonNullElse(artistCues, Map.of());
        elisions = Objects.requireNonNullElse(elisions, List.of());
        compoundTails = Objects.requireNonNullElse(compoundTails, List.of());
        Objects.requireNonNull(sizes, "a lexicon needs its sizes section");
        Objects.requireNonNull(eras, "a lexicon needs its eras section");
    }

    /** The English lexicon. */
    public static Lexicon load() {
        return load(Language.EN);
    }

    public static Lexicon load(Language language) {
        String resource = language.lexiconResource();
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new ObjectMapper().readValue(in, Lexicon.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
