package dev.segue.dj;

import dev.segue.catalog.Catalog;
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

    /** Applies the request to the session; returns what it understood, in words. */
    String apply(DjState.Mutable s, String text, List<String> lastSegment) {
        String lower = text.toLowerCase(Locale.ROOT).strip();
        List<String> understood = new ArrayList<>();
        if (SWITCH.matcher(lower).find()) {
            s.contrastNext = true;
            understood.add("switching it up: something different next");
        }
        if (UP.matcher(lower).find()) {
            s.energyBias = Math.min(0.4, s.energyBias + 0.25);
            understood.add("raising the energy");
        } else if (DOWN.matcher(lower).find()) {
            s.energyBias = Math.max(-0.4, s.energyBias - 0.25);
            understood.add("bringing the energy down");
        }
        if (LIKE_THIS.matcher(lower).find() && !lastSegment.isEmpty()) {
            s.moreLike = new ArrayList<>(lastSegment);
            understood.add("more like the last tracks");
        }
        Matcher play = PLAY.matcher(lower);
        Optional<String> artist = play.matches() ? catalog.artist(play.group(1)) : Optional.empty();
        if (artist.isPresent()) {
            s.artistNext = artist.get();
            understood.add("playing " + artist.get() + " next");
        } else if (understood.isEmpty()) {
            Intent before = s.intent;
            Intent after = parser.refine(before, text);
            List<String> focus = new ArrayList<>();
            List<TagGroup> groups = new ArrayList<>(after.include());
            for (MixIn mix : after.mixIns()) {
                if (mix.artist() != null) {
                    s.artistNext = mix.artist();
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
            List<String> newExclusions = after.excludeTags().stream()
                    .filter(t -> !before.excludeTags().contains(t))
                    .toList();
            if (!newExclusions.isEmpty()) {
                understood.add("no more " + String.join(", ", newExclusions) + " for the rest of the session");
            }
            List<String> newArtists = after.excludeArtists().stream()
                    .filter(a -> !before.excludeArtists().contains(a))
                    .toList();
            if (!newArtists.isEmpty()) {
                understood.add("no more " + String.join(", ", newArtists) + " for the rest of the session");
            }
            if (after.energy() != null && after.energy() != before.energy()) {
                s.energyBias = after.energy() == Energy.HIGH
                        ? Math.min(0.4, s.energyBias + 0.2)
                        : after.energy() == Energy.LOW ? Math.max(-0.4, s.energyBias - 0.2) : s.energyBias;
            }
            s.intent = after.withTags(after.tags().withInclude(groups))
                    .withMixIns(List.of())
                    .withWording(after.wording().withNotes(List.of()));
            s.focusNext = focus.stream().distinct().toList();
        }
        String interpretation = understood.isEmpty()
                ? "no change I can map to this catalog; keeping the current vibe"
                : String.join("; ", understood);
        s.lastRequest = text.strip();
        return interpretation;
    }
}
