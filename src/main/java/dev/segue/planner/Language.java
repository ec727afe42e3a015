package dev.segue.planner;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The languages the offline planner reads: English, and Spanish, Portuguese, French, German and Italian, each with a
 * lexicon of its own next to the English one ({@code planner/lexicon-<code>.json}). In JSON a language is its ISO 639-1
 * code ("de").
 */
public enum Language {
    EN,
    ES,
    PT,
    FR,
    DE,
    IT;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Language ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Where its lexicon is on the classpath. */
    String lexiconResource() {
        return this == EN ? "planner/lexicon.json" : "planner/lexicon-" + code() + ".json";
    }
}
