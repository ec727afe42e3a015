package dev.segue.catalog;

import java.util.Locale;
import java.util.Map;

/** Tag spelling: one normal form for storage and matching, and the spelled-out words used for embeddings and display. */
public final class Tags {

    private static final Map<String, String> ALIASES = Map.of(
            "r&b", "rnb",
            "hip hop", "hiphop",
            "hip-hop", "hiphop",
            "drum and bass", "drumnbass",
            "drum & bass", "drumnbass",
            "mood/theme", "");

    // Compound catalog tags written as words, so a sentence embedding reads "acoustic guitar", not "acousticguitar".
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("acousticguitar", "acoustic guitar"),
            Map.entry("electricguitar", "electric guitar"),
            Map.entry("classicalguitar", "classical guitar"),
            Map.entry("acousticbassguitar", "acoustic bass guitar"),
            Map.entry("doublebass", "double bass"),
            Map.entry("drummachine", "drum machine"),
            Map.entry("electricpiano", "electric piano"),
            Map.entry("pipeorgan", "pipe organ"),
            Map.entry("easylistening", "easy listening"),
            Map.entry("hiphop", "hip hop"),
            Map.entry("popfolk", "pop folk"),
            Map.entry("poprock", "pop rock"),
            Map.entry("instrumentalpop", "instrumental pop"),
            Map.entry("instrumentalrock", "instrumental rock"),
            Map.entry("newage", "new age"),
            Map.entry("darkambient", "dark ambient"),
            Map.entry("triphop", "trip hop"),
            Map.entry("singersongwriter", "singer songwriter"),
            Map.entry("punkrock", "punk rock"),
            Map.entry("synthpop", "synth pop"),
            Map.entry("drumnbass", "drum and bass"),
            Map.entry("postrock", "post rock"),
            Map.entry("classicrock", "classic rock"),
            Map.entry("rocknroll", "rock and roll"),
            Map.entry("hardrock", "hard rock"),
            Map.entry("newwave", "new wave"),
            Map.entry("alternativerock", "alternative rock"),
            Map.entry("bluesrock", "blues rock"),
            Map.entry("eurodance", "euro dance"),
            Map.entry("bossanova", "bossa nova"),
            Map.entry("worldfusion", "world fusion"),
            Map.entry("acidjazz", "acid jazz"),
            Map.entry("deephouse", "deep house"),
            Map.entry("jazzfusion", "jazz fusion"),
            Map.entry("chillout", "chill out"),
            Map.entry("electropop", "electro pop"),
            Map.entry("darkwave", "dark wave"),
            Map.entry("rnb", "r&b"),
            Map.entry("idm", "intelligent dance music"),
            Map.entry("edm", "electronic dance music"),
            Map.entry("60s", "1960s"),
            Map.entry("70s", "1970s"),
            Map.entry("80s", "1980s"),
            Map.entry("90s", "1990s"));

    private Tags() {}

    /** Lowercase, single-spaced, with common aliases folded; null for blank input. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String tag = raw.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        tag = ALIASES.getOrDefault(tag, tag);
        return tag.isEmpty() ? null : tag;
    }

    /** The tag as words: "acousticguitar" becomes "acoustic guitar"; tags already in words stay as they are. */
    public static String words(String tag) {
        return WORDS.getOrDefault(tag, tag);
    }
}
