package dev.segue.api;

/** Body of POST /api/playlists/{id}/refine: the change, in words ("more upbeat", "no piano"). */
public record RefineRequest(String prompt) {}
