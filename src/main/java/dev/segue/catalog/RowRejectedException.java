package dev.segue.catalog;

/** A row the ingester skips; the message is the reason shown in the ingestion summary. */
public class RowRejectedException extends RuntimeException {
    public RowRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
