package dev.segue.planner;

/** One message of a planning conversation, kept with the playlist so a refinement continues it. */
public record Turn(String role, String text) {}
