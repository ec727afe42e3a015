-- The track ids each exposure showed (a JSON array), for the experiment report's diversity metrics. Rows recorded
-- before this have none and are left out of those metrics only.
ALTER TABLE experiment_exposures ADD COLUMN track_ids VARCHAR(100000);
