package dev.segue.planner;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.List;

/**
 * What a prompt asks for, in catalog terms. Both planners produce it (offline by parsing, the LLM agent through its
 * tool calls); everything after planning reads only this. Null and empty mean "not asked".
 *
 * <p>It is made of small parts, each changed with its {@code with…} method; in JSON (API responses, stored playlist
 * versions and DJ sessions) the parts are unwrapped, so an intent is one flat object, as it always was. The order
 * names each part followed by its fields: Jackson orders the parts, the OpenAPI document the fields.
 */
@JsonPropertyOrder({
    "tags",
    "include",
    "excludeTags",
    "artistChoice",
    "artists",
    "similarToArtists",
    "excludeArtists",
    "era",
    "yearFrom",
    "yearTo",
    "feel",
    "energy",
    "activity",
    "noVocals",
    "preferInstrumental",
    "cleanOnly",
    "size",
    "length",
    "durationMinutes",
    "mixIns",
    "wording",
    "queryText",
    "unmatched",
    "notes",
    "language"
})
public record Intent(
        @JsonUnwrapped Tags tags,
        @JsonUnwrapped Artists artistChoice,
        @JsonUnwrapped Era era,
        @JsonUnwrapped Feel feel,
        @JsonUnwrapped Size size,
        List<MixIn> mixIns,
        @JsonUnwrapped Wording wording) {

    /** Nothing asked: no wishes, no exclusions, no size. */
    public static final Intent NONE =
            new Intent(Tags.NONE, Artists.NONE, Era.ANY, Feel.ANY, Size.ANY, List.of(), Wording.NONE);

    /** The tag groups wished for and the tags ruled out; an excluded tag is in no group. */
    public record Tags(List<TagGroup> include, List<String> excludeTags) {
        public static final Tags NONE = new Tags(List.of(), List.of());

        public Tags {
            include = List.copyOf(include);
            excludeTags = List.copyOf(excludeTags);
        }

        public Tags withInclude(List<TagGroup> groups) {
            return new Tags(groups, excludeTags);
        }

        public Tags withExcludeTags(List<String> tags) {
            return new Tags(include, tags);
        }
    }

    /** Artists the playlist is only by, artists it should sound like, and artists it must not contain. */
    public record Artists(List<String> artists, List<String> similarToArtists, List<String> excludeArtists) {
        public static final Artists NONE = new Artists(List.of(), List.of(), List.of());

        public Artists {
            artists = List.copyOf(artists);
            similarToArtists = List.copyOf(similarToArtists);
            excludeArtists = List.copyOf(excludeArtists);
        }

        public Artists withExcludeArtists(List<String> excluded) {
            return new Artists(artists, similarToArtists, excluded);
        }
    }

    /** Release years, both bounds inclusive; null is open. */
    public record Era(Integer yearFrom, Integer yearTo) {
        public static final Era ANY = new Era(null, null);
    }

    /** How it should feel: energy, what the listener is doing, vocals, explicit lyrics. */
    public record Feel(
            Energy energy, String activity, boolean noVocals, boolean preferInstrumental, boolean cleanOnly) {
        public static final Feel ANY = new Feel(null, null, false, false, false);

        public Feel withEnergy(Energy wanted) {
            return new Feel(wanted, activity, noVocals, preferInstrumental, cleanOnly);
        }

        public Feel withActivity(String doing) {
            return new Feel(energy, doing, noVocals, preferInstrumental, cleanOnly);
        }

        public Feel withPreferInstrumental(boolean prefer) {
            return new Feel(energy, activity, noVocals, prefer, cleanOnly);
        }
    }

    /** The playlist's size: a number of tracks or a duration (a number of tracks wins when both are set). */
    public record Size(Integer length, Integer durationMinutes) {
        public static final Size ANY = new Size(null, null);
    }

    /**
     * The prompt in words: the text searched for, words nothing could read, notes for the listener about how it was
     * read, and the prompt's language when it is not English (titles and descriptions are written in it; absent, as
     * in every intent stored before languages were read, means English).
     */
    public record Wording(
            String queryText,
            List<String> unmatched,
            List<String> notes,
            @JsonInclude(JsonInclude.Include.NON_NULL) Language language) {
        public static final Wording NONE = new Wording(null, List.of(), List.of());

        public Wording {
            unmatched = List.copyOf(unmatched);
            notes = List.copyOf(notes);
            language = language == Language.EN ? null : language;
        }

        /** English wording. */
        public Wording(String queryText, List<String> unmatched, List<String> notes) {
            this(queryText, unmatched, notes, null);
        }

        public Wording withQueryText(String text) {
            return new Wording(text, unmatched, notes, language);
        }

        public Wording withNotes(List<String> written) {
            return new Wording(queryText, unmatched, written, language);
        }
    }

    public Intent {
        mixIns = List.copyOf(mixIns);
    }

    /** An intent that searches for {@code queryText} and asks for nothing else yet; add the rest with {@code with…}. */
    public static Intent of(String queryText) {
        return NONE.withWording(Wording.NONE.withQueryText(queryText));
    }

    public Intent withTags(Tags changed) {
        return new Intent(changed, artistChoice, era, feel, size, mixIns, wording);
    }

    public Intent withArtistChoice(Artists changed) {
        return new Intent(tags, changed, era, feel, size, mixIns, wording);
    }

    public Intent withEra(Era changed) {
        return new Intent(tags, artistChoice, changed, feel, size, mixIns, wording);
    }

    public Intent withFeel(Feel changed) {
        return new Intent(tags, artistChoice, era, changed, size, mixIns, wording);
    }

    public Intent withSize(Size changed) {
        return new Intent(tags, artistChoice, era, feel, changed, mixIns, wording);
    }

    public Intent withMixIns(List<MixIn> changed) {
        return new Intent(tags, artistChoice, era, feel, size, changed, wording);
    }

    public Intent withWording(Wording changed) {
        return new Intent(tags, artistChoice, era, feel, size, mixIns, changed);
    }

    /** A copy with the playlist size that was actually used (request fields win over the prompt's words). */
    public Intent withTarget(Integer trackCount, Integer minutes) {
        return withSize(new Size(trackCount, minutes));
    }

    /** A copy that also excludes these artists (from the request's excludeArtists). */
    public Intent withExcludedArtists(List<String> more) {
        List<String> all = new ArrayList<>(excludeArtists());
        more.stream().filter(a -> !all.contains(a)).forEach(all::add);
        return withArtistChoice(artistChoice.withExcludeArtists(all));
    }

    public List<TagGroup> requiredGroups() {
        return include().stream().filter(TagGroup::required).toList();
    }

    // The flat view every reader of an intent uses (and the JSON shows).

    public List<TagGroup> include() {
        return tags.include();
    }

    public List<String> excludeTags() {
        return tags.excludeTags();
    }

    public List<String> artists() {
        return artistChoice.artists();
    }

    public List<String> similarToArtists() {
        return artistChoice.similarToArtists();
    }

    public List<String> excludeArtists() {
        return artistChoice.excludeArtists();
    }

    public Integer yearFrom() {
        return era.yearFrom();
    }

    public Integer yearTo() {
        return era.yearTo();
    }

    public Energy energy() {
        return feel.energy();
    }

    public String activity() {
        return feel.activity();
    }

    public boolean noVocals() {
        return feel.noVocals();
    }

    public boolean preferInstrumental() {
        return feel.preferInstrumental();
    }

    public boolean cleanOnly() {
        return feel.cleanOnly();
    }

    public Integer length() {
        return size.length();
    }

    public Integer durationMinutes() {
        return size.durationMinutes();
    }

    public String queryText() {
        return wording.queryText();
    }

    public List<String> unmatched() {
        return wording.unmatched();
    }

    public List<String> notes() {
        return wording.notes();
    }

    /** The prompt's language (English unless another was read). */
    public Language language() {
        return wording.language() == null ? Language.EN : wording.language();
    }
}
