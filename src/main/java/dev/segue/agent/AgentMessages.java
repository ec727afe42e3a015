package dev.segue.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segue.config.SegueConfig;
import dev.segue.planner.Intent;
import dev.segue.planner.PlanRequest;
import dev.segue.planner.Selection;
import dev.segue.planner.Turn;
import jakarta.enterprise.context.Dependent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the model reads, from the templates in prompts/ (through {@link Prompts}): the system prompt
 * (playlist-agent.&lt;version&gt;.md), the request as a user message with the listener's words delimited as data,
 * and the turns a refinement replays. Created with the {@link LlmPlanner}, so a missing template stops the start.
 */
@Dependent
class AgentMessages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CONVERSATION_TURNS = 8;
    // The user message's templates, at a fixed version (the system prompt's is chosen per request).
    private static final String REQUEST = "playlist-request";
    private static final String REFINEMENT = "playlist-refinement";
    private static final String TEMPLATE_VERSION = "v1";

    private final Prompts prompts;
    private final String defaultVersion;
    private final String requestTemplate;
    private final String refinementTemplate;

    AgentMessages(SegueConfig config, Prompts prompts) {
        this.prompts = prompts;
        this.defaultVersion = config.prompts().agent();
        if (prompts.find(LlmPlanner.AGENT_PROMPT, defaultVersion).isEmpty()) {
            throw new IllegalStateException("segue.prompts.agent is " + defaultVersion + ", but prompts/"
                    + LlmPlanner.AGENT_PROMPT + "." + defaultVersion + ".md does not exist");
        }
        this.requestTemplate = template(prompts, REQUEST);
        this.refinementTemplate = template(prompts, REFINEMENT);
    }

    private static String template(Prompts prompts, String name) {
        return prompts.find(name, TEMPLATE_VERSION)
                .orElseThrow(() ->
                        new IllegalStateException("prompts/" + name + "." + TEMPLATE_VERSION + ".md does not exist"));
    }

    boolean hasVersion(String version) {
        return prompts.find(LlmPlanner.AGENT_PROMPT, version).isPresent();
    }

    /** The prompt version this request asked for, else segue.prompts.agent. */
    String version(PlanRequest request) {
        return request.promptVersion() == null ? defaultVersion : request.promptVersion();
    }

    String system(String version) {
        return prompts.find(LlmPlanner.AGENT_PROMPT, version)
                .orElseThrow(() -> new IllegalStateException("no prompt " + LlmPlanner.AGENT_PROMPT + "." + version));
    }

    /**
     * The request as the model reads it (prompts/playlist-request.v1.md, or playlist-refinement.v1.md for a change):
     * the listener's words delimited as data, then the size and the constraints that apply.
     */
    String userMessage(PlanRequest request, Intent intent) {
        Map<String, String> values = new HashMap<>();
        values.put("prompt", String.valueOf(request.prompt()));
        values.put("currentTracks", String.join(", ", request.previousTrackIds()));
        PlanRequest.Target t = request.target();
        Integer length = t.length() != null ? t.length() : t.durationMinutes() == null ? intent.length() : null;
        Integer minutes =
                t.durationMinutes() != null ? t.durationMinutes() : length == null ? intent.durationMinutes() : null;
        if (minutes != null) {
            values.put("minutes", String.valueOf(minutes));
        } else {
            values.put("tracks", String.valueOf(length == null ? 20 : length));
        }
        values.put("maxPerArtist", String.valueOf(t.maxPerArtist() == null ? 2 : t.maxPerArtist()));
        putList(values, "excludeTags", intent.excludeTags());
        putList(values, "excludeArtists", intent.excludeArtists());
        putList(values, "seedTracks", request.seedTrackIds());
        return Prompts.render(request.isRefinement() ? refinementTemplate : requestTemplate, values);
    }

    /** A list as "a, b, c"; an empty one has no value, so its line is left out. */
    private static void putList(Map<String, String> values, String name, Collection<String> items) {
        if (!items.isEmpty()) {
            values.put(name, String.join(", ", items));
        }
    }

    /** The turns so far, this request and the answer (title and track ids only), at most the last eight turns. */
    static List<Turn> nextConversation(List<Turn> conversation, String message, Selection selection) {
        List<Turn> next = new ArrayList<>(conversation);
        next.add(new Turn("user", message));
        next.add(new Turn("assistant", selection == null ? "(no selection)" : compact(selection)));
        while (next.size() > MAX_CONVERSATION_TURNS) {
            next.remove(0);
        }
        return next;
    }

    private static String compact(Selection selection) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", selection.title());
        out.put("tracks", selection.tracks().stream().map(Selection.Pick::id).toList());
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            return String.valueOf(out);
        }
    }
}
