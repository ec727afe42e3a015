package dev.segue.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import dev.segue.search.Candidate;
import dev.segue.search.SearchFilter;
import dev.segue.search.SearchTools;
import dev.segue.trace.Trace;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the LLM planner's tests share: the scripted provider (WireMock), the retrieval tools, and small helpers. */
abstract class LlmTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROMPT = "calm piano music to help me focus while studying";

    WireMockServer server;

    @Inject
    SearchTools tools;

    List<String> searchIds(String query, Set<String> tags, int limit) {
        SearchFilter filter = tags.isEmpty() ? SearchFilter.NONE : SearchFilter.NONE.plusTagGroup(tags);
        return tools.searchTracks(query, filter, limit, new Trace()).stream()
                .map(Candidate::track)
                .map(t -> t.id())
                .toList();
    }

    /** At most two per artist and no title twice, as the assembler enforces: the script's picks all survive. */
    List<String> capped(List<String> ids, int n) {
        Map<String, Integer> perArtist = new HashMap<>();
        Set<String> titles = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            Track t = tools.catalog().find(id).orElseThrow();
            String artist = Catalog.artistKey(t.artist());
            if (out.size() < n
                    && !out.contains(id)
                    && titles.add(artist + "|" + Catalog.artistKey(t.title()))
                    && perArtist.merge(artist, 1, Integer::sum) <= 2) {
                out.add(id);
            }
        }
        return out;
    }

    List<JsonNode> sentRequests() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (LoggedRequest r : server.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH)))) {
            out.add(JSON.readTree(r.getBodyAsString()));
        }
        return out;
    }
}
