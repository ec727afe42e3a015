package dev.segue.pipeline;

import dev.segue.catalog.IngestReport;

/** One shard's ingest report (rows read, rejected by reason, its checksum) and the shard's place in file order. */
record ShardReport(int shard, IngestReport report) {}
