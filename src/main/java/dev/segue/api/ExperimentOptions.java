package dev.segue.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Playlist request options as an experiment arm keeps them: the options the caller set, by their JSON names. Going
 * through JSON means a new knob in {@link PlaylistRequest.Options} is an experiment option with no change here.
 */
@ApplicationScoped
class ExperimentOptions {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** The options set (null ones left out), by name. */
    @SuppressWarnings("unchecked")
    Map<String, Object> asMap(PlaylistRequest.Options options) {
        if (options == null) {
            return Map.of();
        }
        Map<String, Object> all = JSON.convertValue(options, Map.class);
        Map<String, Object> set = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (v != null) {
                set.put(k, v);
            }
        });
        return set;
    }

    Set<String> explicit(PlaylistRequest.Options options) {
        return asMap(options).keySet();
    }

    /** The caller's options with an arm's added: only options the caller did not set are ever added. */
    PlaylistRequest.Options merged(PlaylistRequest.Options explicit, Map<String, Object> fromArms) {
        if (fromArms.isEmpty()) {
            return explicit;
        }
        Map<String, Object> all = new LinkedHashMap<>(fromArms);
        all.putAll(asMap(explicit));
        return JSON.convertValue(all, PlaylistRequest.Options.class);
    }
}
