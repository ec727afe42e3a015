package dev.segue.pipeline;

import dev.segue.catalog.Track;

/** A track with the unit-length vector of its text. */
record EmbeddedTrack(Track track, float[] vector) {}
