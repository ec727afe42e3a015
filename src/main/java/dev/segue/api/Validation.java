package dev.segue.api;

import dev.segue.catalog.Catalog;
import dev.segue.playlist.Playlists;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The API's input rules, checked before anything runs; every violation is reported, not just the first. */
final class Validation {

    static final int MAX_LIST = 50;
    static final int MAX_NAME = 200;
    private static final Set<String> PLANNERS = Set.of("auto", "offline", "llm");
    private static final Set<String> RANKERS = Set.of("auto", "none");

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private Validation() {}

    static void playlist(PlaylistRequest r, Catalog catalog, java.util.Optional<dev.segue.agent.LlmPlanner> llm) {
        if (r == null) {
            throw ApiException.badRequest("a JSON body with a \"prompt\" is required", null);
        }
        Validation v = new Validation();
        v.prompt("prompt", r.prompt());
        v.range("length", r.length(), Playlists.MIN_TRACKS, Playlists.MAX_TRACKS);
        v.range("durationMinutes", r.durationMinutes(), Playlists.MIN_MINUTES, Playlists.MAX_MINUTES);
        if (r.length() != null && r.durationMinutes() != null) {
            v.error("durationMinutes", "give either length or durationMinutes, not both");
        }
        v.range("maxPerArtist", r.maxPerArtist(), 1, Playlists.MAX_TRACKS);
        v.names("excludeArtists", r.excludeArtists());
        v.names("seedTrackIds", r.seedTrackIds());
        if (r.seedTrackIds() != null && r.seedTrackIds().size() <= MAX_LIST) {
            for (int i = 0; i < r.seedTrackIds().size(); i++) {
                String id = r.seedTrackIds().get(i);
                if (id != null && id.length() <= MAX_NAME && catalog.find(id).isEmpty()) {
                    v.error("seedTrackIds[" + i + "]", "unknown track id \"" + id + "\"");
                }
            }
        }
        if (r.userId() != null && !r.userId().matches("[A-Za-z0-9._:@-]{1,100}")) {
            v.error("userId", "userId must be 1 to 100 letters, digits or . _ : @ -");
        }
        if (r.options() != null) {
            v.oneOf("options.planner", r.options().planner(), PLANNERS);
            if ("llm".equals(r.options().planner()) && llm.isEmpty()) {
                v.error(
                        "options.planner",
                        "options.planner is \"llm\", but no LLM is configured on this server (set segue.llm.base-url);"
                                + " use \"auto\" or \"offline\"");
            }
            v.oneOf("options.ranker", r.options().ranker(), RANKERS);
            String version = r.options().promptVersion();
            if (version != null && !dev.segue.agent.Prompts.isVersion(version)) {
                v.error(
                        "options.promptVersion",
                        "options.promptVersion must look like v1, v2, … (got \"" + abbreviate(version) + "\")");
            } else if (version != null && llm.isPresent() && !llm.get().hasPromptVersion(version)) {
                v.error(
                        "options.promptVersion",
                        "there is no agent prompt " + version + " (prompts/" + dev.segue.agent.LlmPlanner.AGENT_PROMPT
                                + "." + version + ".md)");
            }
        }
        v.throwIfAny();
    }

    static void refine(RefineRequest r) {
        if (r == null) {
            throw ApiException.badRequest("a JSON body with a \"prompt\" is required", null);
        }
        Validation v = new Validation();
        v.prompt("prompt", r.prompt());
        v.throwIfAny();
    }

    private void prompt(String field, String value) {
        if (value == null || value.isBlank()) {
            error(field, field + " is required and must not be blank");
        } else if (value.length() > Playlists.MAX_PROMPT_CHARS) {
            error(field, field + " is " + value.length() + " characters; the limit is " + Playlists.MAX_PROMPT_CHARS);
        }
    }

    private void range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            error(field, field + " must be between " + min + " and " + max + " (got " + value + ")");
        }
    }

    private void names(String field, List<String> values) {
        if (values == null) {
            return;
        }
        if (values.size() > MAX_LIST) {
            error(field, field + " has " + values.size() + " entries; the limit is " + MAX_LIST);
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank() || value.length() > MAX_NAME) {
                error(
                        field + "[" + i + "]",
                        "entries must be non-blank strings of at most " + MAX_NAME + " characters");
            }
        }
    }

    private void oneOf(String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            error(
                    field,
                    field + " must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()) + " (got \"" + abbreviate(value)
                            + "\")");
        }
    }

    private void error(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    private void throwIfAny() {
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1
                    ? errors.get(0).message()
                    : errors.get(0).message() + " (and " + (errors.size() - 1) + " more; see errors)";
            throw new ApiException(400, detail, errors);
        }
    }

    static String abbreviate(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }

    /** An optional integer query parameter, with a 400 that names it when it is not one. */
    static Integer intParam(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw ApiException.badRequest(
                        name + " must be between " + min + " and " + max + " (got " + parsed + ")", name);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be an integer (got \"" + abbreviate(value) + "\")", name);
        }
    }

    static boolean boolParam(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default ->
                throw ApiException.badRequest(
                        name + " must be true or false (got \"" + abbreviate(value) + "\")", name);
        };
    }
}
