package dev.segue.api;

import dev.segue.api.validation.Text;
import dev.segue.playlist.Playlists;

/** Body of POST /api/playlists/{id}/refine: the change, in words ("more upbeat", "no piano"). */
public record RefineRequest(
        @Text(name = "prompt", max = Playlists.MAX_PROMPT_CHARS)
        String prompt) {}
