package dev.segue.planner;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The offline planner's word lists, loaded from planner/lexicon.json (data, so it can be tuned without code). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Lexicon(
        Map<String, List<String>> synonyms,
        Map<String, Activity> activities,
        Map<String, List<String>> energy,
        Vocals vocals,
        List<String> clean,
        List<String> stopwords,
        List<String> negations,
        List<String> negationFillers) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Activity(List<String> words, List<String> tags, String energy, boolean preferInstrumental) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Vocals(List<String> words, List<String> vocalTags, List<String> instrumentalWords) {}

    public static Lexicon load() {
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream("planner/lexicon.json")) {
            if (in == null) {
                throw new IllegalStateException("planner/lexicon.json is missing from the classpath");
            }
            return new ObjectMapper().readValue(in, Lexicon.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read planner/lexicon.json", e);
        }
    }
}
