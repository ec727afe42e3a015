package dev.segue.dj;

import dev.segue.catalog.Catalog;
import dev.segue.dj.DjState.Wishes;
import dev.segue.planner.Energy;
import dev.segue.planner.Intent;
import dev.segue.planner.IntentParser;
import dev.segue.planner.MixIn;
import dev.segue.planner.TagGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a listener's mid-session request does to the session: energy up or down, a contrast, an artist or genre for the
 * next segment, "more like this", or a change to the session's intent (exclusions stick for the rest of the session).
 */
@ApplicationScoped
class DjRequests {

    private static final Pattern SWITCH =
            Pattern.compile("\\b(switch|mix|change|shake) it up\\b|something (else|different)|surprise me");
    private static final Pattern UP = Pattern.compile(
            "more energy|pump it up|turn it up|\\bfaster\\b|\\bharder\\b|\\bhype\\b|more upbeat|livelier");
    private static final Pattern DOWN = Pattern.compile(
            "calm (it )?down|slow (it )?down|\\bcalmer\\b|\\bslower\\b|\\bquieter\\b|\\bsofter\\b|less energy|chill (out|it)");
    private static final Pattern LIKE_THIS =
            Pattern.compile("more like (this|that|these)|like this one|keep (this|it) going");
    private static final Pattern PLAY =
            Pattern.compile("^(?:please )?play (?:some(?:thing)? (?:by|from) )?(.+?)(?: please)?[.!]*$");

    private final IntentParser parser;
    private final Catalog catalog;

    DjRequests(IntentParser parser, Catalog catalog) {
        this.parser = parser;
        this.catalog = catalog;
    }

    /** What a request did: the session after it, and what it understood, in words. */
    record Outcome(DjState state, String interpretation) {}

    /** Applies the request to the session; {@code lastSegment} is what "more like this" refers to. */
    Outcome apply(DjState s, String text, List<String> lastSegment) {
        String lower = text.toLowerCase(Locale.ROOT).strip();
        List<String> understood = new ArrayList<>();
        DjState next = quickWishes(s, lower, lastSegment, understood);
        Matcher play = PLAY.matcher(lower);
        Optional<String> artist = play.matches() ? catalog.artist(play.group(1)) : Optional.empty();
        if (artist.isPresent()) {
            next = next.withWishes(next.wishes().withArtist(artist.get()));
            understood.add("playing " + artist.get() + " next");
        } else if (understood.isEmpty()) {
            next = refine(next, text, understood);
        }
        String interpretation = understood.isEmpty()
                ? "no change I can map to this catalog; keeping the current vibe"
                : String.join("; ", understood);
        return new Outcome(next.withHost(next.host().withLastRequest(text.strip())), interpretation);
    }

    /** "Switch it up", "more energy" or "calm it down", "more like this": the wishes said in so many words. */
    private static DjState quickWishes(DjState s, String lower, List<String> lastSegment, List<String> understood) {
        DjState next = s;
        if (SWITCH.matcher(lower).find()) {
            next = next.withWishes(next.wishes().withContrast());
            understood.add("switching it up: something different next");
        }
        if (UP.matcher(lower).find()) {
            next = next.withHistory(next.history().withEnergyBias(Math.min(0.4, next.energyBias() + 0.25)));
            understood.add("raising the energy");
        } else if (DOWN.matcher(lower).find()) {
            next = next.withHistory(next.history().withEnergyBias(Math.max(-0.4, next.energyBias() - 0.25)));
            understood.add("bringing the energy down");
        }
        if (LIKE_THIS.matcher(lower).find() && !lastSegment.isEmpty()) {
            next = next.withWishes(next.wishes().withMoreLike(lastSegment));
            understood.add("more like the last tracks");
        }
        return next;
    }

    /**
     * Anything else refines the session's intent as a playlist refinement would: what it adds is played next (and a
     * little more of it from then on), what it excludes is gone for the rest of the session.
     */
    private DjState refine(DjState s, String text, List<String> understood) {
        Intent before = s.intent();
        Intent after = parser.refine(before, text);
        List<String> focus = new ArrayList<>();
        List<TagGroup> groups = new ArrayList<>(after.include());
        Wishes wishes = s.wishes();
        for (MixIn mix : after.mixIns()) {
            if (mix.artist() != null) {
                wishes = wishes.withArtist(mix.artist());
                understood.add("playing " + mix.artist() + " next");
            } else {
                // A DJ "add some jazz" means: jazz next, and a little more of it from now on.
                focus.addAll(mix.tags());
                groups.add(new TagGroup(mix.phrase(), mix.tags(), "refine", 1.0, false));
                understood.add("adding " + mix.phrase());
            }
        }
        for (TagGroup g : after.include()) {
            if (before.include().stream().noneMatch(b -> b.phrase().equals(g.phrase()) && b.weight() == g.weight())
                    && g.weight() > 0) {
                focus.addAll(g.tags());
                understood.add("more " + g.phrase());
            }
        }
        understood.addAll(newExclusions(before, after));
        Intent refined = after.withTags(after.tags().withInclude(groups))
                .withMixIns(List.of())
                .withWording(after.wording().withNotes(List.of()));
        return s.withSession(s.session().withIntent(refined))
                .withHistory(s.history().withEnergyBias(energyBias(before, after, s.energyBias())))
                .withWishes(wishes.withFocus(focus.stream().distinct().toList()));
    }

    private static List<String> newExclusions(Intent before, Intent after) {
        List<String> said = new ArrayList<>();
        List<String> newTags = after.excludeTags().stream()
                .filter(t -> !before.excludeTags().contains(t))
                .toList();
        if (!newTags.isEmpty()) {
            said.add("no more " + String.join(", ", newTags) + " for the rest of the session");
        }
        List<String> newArtists = after.excludeArtists().stream()
                .filter(a -> !before.excludeArtists().contains(a))
                .toList();
        if (!newArtists.isEmpty()) {
            said.add("no more " + String.join(", ", newArtists) + " for the rest of the session");
        }
        return said;
    }

    /** A refinement that asks for more or less energy ("more upbeat") moves the session's energy as well. */
    private static double energyBias(Intent before, Intent after, double bias) {
        if (after.energy() == null || after.energy() == before.energy()) {
            return bias;
        }
        return after.energy() == Energy.HIGH
                ? Math.min(0.4, bias + 0.2)
                : after.energy() == Energy.LOW ? Math.max(-0.4, bias - 0.2) : bias;
    }
}
