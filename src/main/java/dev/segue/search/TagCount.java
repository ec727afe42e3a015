package dev.segue.search;

import dev.segue.catalog.TagCategory;

/** One word of the catalog vocabulary, how it reads, and how many tracks carry it. */
public record TagCount(String tag, String words, TagCategory category, int tracks) {}
