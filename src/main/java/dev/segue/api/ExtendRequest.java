package dev.segue.api;

import dev.segue.api.validation.Between;
import dev.segue.playlist.Playlists;
import jakarta.validation.constraints.NotNull;

/** Body of POST /api/playlists/{id}/extend: how many tracks to add after the last one. */
public record ExtendRequest(
        @NotNull(message = "{segue.extend.count}") @Between(name = "count", min = 1, max = Playlists.MAX_TRACKS)
        Integer count) {}
