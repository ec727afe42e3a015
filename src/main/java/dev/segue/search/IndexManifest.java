package dev.segue.search;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.segue.catalog.IngestReport;

/**
 * What an embedded index holds, written last by a build: the fingerprint that decides whether it fits a catalog, its
 * sizes, and, for a build from a catalog file, that file's stamp and the ingest report, so a restart on the same file
 * opens the index without reading the file again.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record IndexManifest(
        String fingerprint,
        int count,
        int distinctVectors,
        int dimension,
        String builtAt,
        SourceStamp source,
        IngestReport report) {}
