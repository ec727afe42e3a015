package dev.segue.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What an ingestion did: rows read, accepted, rejected (grouped by reason, with the first few line numbers). */
public record IngestReport(
        String source,
        CatalogFormat format,
        long rowsRead,
        int accepted,
        Map<String, Integer> rejectedByReason,
        List<String> rejectedSamples,
        String checksum) {

    public long rejected() {
        return rejectedByReason.values().stream().mapToLong(Integer::longValue).sum();
    }

    public String summary() {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "catalog %s (%s): %,d rows read, %,d tracks accepted, %,d rejected",
                source,
                format.name().toLowerCase(Locale.ROOT),
                rowsRead,
                accepted,
                rejected()));
        if (!rejectedByReason.isEmpty()) {
            out.append(rejectedByReason.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%n  %,6d × %s", e.getValue(), e.getKey()))
                    .collect(Collectors.joining()));
            out.append(String.format(Locale.ROOT, "%n  first rejected: %s", String.join("; ", rejectedSamples)));
        }
        return out.toString();
    }
}
