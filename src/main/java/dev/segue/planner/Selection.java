package dev.segue.planner;

import java.util.List;

/** The LLM's own playlist: ordered picks (only ids a tool returned), with its title, description and reasons. */
public record Selection(String title, String description, List<Pick> tracks) {

    public record Pick(String id, String reason) {}

    public Selection {
        tracks = List.copyOf(tracks);
    }
}
