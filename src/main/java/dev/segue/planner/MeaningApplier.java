package dev.segue.planner;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.TagCategory;
import dev.segue.catalog.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a known phrase does to the intent being read, given whether it is negated and the modifier before it: a
 * negated phrase becomes exclusions (or "no vocals"), a wish becomes a tag group (required, soft, a refinement or a
 * mix-in), an activity brings its tags and energy, an energy word the energy.
 */
@ApplicationScoped
class MeaningApplier {

    private final PhraseBook phrases;
    private final Catalog catalog;

    MeaningApplier(PhraseBook phrases, Catalog catalog) {
        this.phrases = phrases;
        this.catalog = catalog;
    }

    /**
     * Applies what the phrase means. A word of another language is searched for by the English phrase it translates,
     * and shown (in groups, mix-ins and so in titles) as the listener wrote it.
     */
    void apply(String phrase, Meaning meaning, boolean negating, Modifier modifier, Draft d) {
        String english = meaning.searchWords(phrase);
        if (negating) {
            applyNegated(english, meaning, d);
        } else if (meaning.instrumental()) {
            d.noVocals = true;
            d.preferInstrumental = true;
        } else if (meaning.clean()) {
            d.cleanOnly = true;
        } else if (modifier == Modifier.LESS) {
            applyLess(d.shown(phrase), meaning, d);
        } else {
            applyWish(d.shown(phrase), english, meaning, modifier, d);
        }
    }

    private void applyNegated(String phrase, Meaning meaning, Draft d) {
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
    }

    /** "less piano", "fewer vocals", "less energetic": the opposite energy, instrumentals, a negative weight. */
    private static void applyLess(String phrase, Meaning meaning, Draft d) {
        if (meaning.energy() != null) {
            d.energy = meaning.energy() == Energy.HIGH ? Energy.LOW : Energy.HIGH;
        }
        if (meaning.vocals()) {
            d.preferInstrumental = true;
        }
        if (!meaning.tags().isEmpty()) {
            d.include.add(new TagGroup(phrase, meaning.tags(), "refine", -0.7, false));
        }
    }

    /** A wish, shown as {@code phrase} and searched for as {@code english}. */
    private void applyWish(String phrase, String english, Meaning meaning, Modifier modifier, Draft d) {
        if (meaning.energy() != null && (d.energy == null || d.refining)) {
            d.energy = meaning.energy();
        }
        if (meaning.activity() != null && modifier == Modifier.NONE) {
            applyActivity(phrase, english, meaning.activity(), d);
        } else if (!meaning.tags().isEmpty()) {
            addGroup(phrase, english, meaning, modifier, d);
        } else if (meaning.energy() != null) {
            d.queryWords.add(english);
        }
    }

    /** An activity sets the energy and instrumentals unless the prompt did, and adds its tags as a soft wish. */
    private void applyActivity(String phrase, String english, String name, Draft d) {
        Lexicon.Activity activity = phrases.lexicon().activities().get(name);
        if (d.activity == null) {
            d.activity = name;
        }
        if (activity.energy() != null && d.energy == null) {
            d.energy = Energy.valueOf(activity.energy().toUpperCase(Locale.ROOT));
        }
        d.preferInstrumental |= activity.preferInstrumental();
        List<String> tags = activity.tags().stream().filter(phrases::isTag).toList();
        if (!tags.isEmpty()) {
            d.include.add(new TagGroup(phrase, tags, "activity", 0.6, false));
        }
        d.queryWords.add(english);
    }

    private void addGroup(String phrase, String english, Meaning meaning, Modifier modifier, Draft d) {
        if (modifier == Modifier.ADD) {
            d.mixIns.add(new MixIn(phrase, meaning.tags(), null, 0.3));
        } else if (d.orPending
                && !d.include.isEmpty()
                && !d.include.getLast().kind().equals("activity")) {
            d.include.add(either(d.include.removeLast(), group(phrase, meaning, modifier, d.refining)));
        } else {
            d.include.add(group(phrase, meaning, modifier, d.refining));
        }
        d.orPending = false;
        if (modifier != Modifier.ADD) {
            d.queryWords.add(english);
            String first = Tags.words(meaning.tags().get(0));
            if (!first.equals(english) && !phrases.isTag(english)) {
                d.queryWords.add(first);
            }
        }
    }

    private TagGroup group(String phrase, Meaning meaning, Modifier modifier, boolean refining) {
        List<String> tags = meaning.tags();
        return switch (modifier) {
            case MORE -> new TagGroup(phrase, tags, "refine", 1.0, false);
            case ONLY -> new TagGroup(phrase, tags, meaning.kind(), 1.0, true);
            case SOFT -> new TagGroup(phrase, tags, meaning.kind(), 0.5, false);
            default ->
                refining
                        ? new TagGroup(phrase, tags, "refine", 1.0, false)
                        : new TagGroup(phrase, tags, meaning.kind(), weightOf(tags), true);
        };
    }

    /** "piano or acoustic guitar": one group that either satisfies. */
    private static TagGroup either(TagGroup previous, TagGroup group) {
        List<String> tags = new ArrayList<>(previous.tags());
        group.tags().stream().filter(t -> !tags.contains(t)).forEach(tags::add);
        return new TagGroup(
                previous.phrase() + " or " + group.phrase(),
                tags,
                previous.kind(),
                Math.min(previous.weight(), group.weight()),
                previous.required() && group.required());
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
        if (phrases.isTag(phrase)) {
            out.add(phrase);
        }
        Set<String> seeds = new LinkedHashSet<>(out);
        seeds.add(phrase);
        for (String tag : phrases.vocabulary()) {
            String words = " " + Tags.words(tag) + " ";
            for (String seed : seeds) {
                if (words.contains(" " + Tags.words(seed) + " ")) {
                    out.add(tag);
                }
            }
        }
        return out;
    }
}
