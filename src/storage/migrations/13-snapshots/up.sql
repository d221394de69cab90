-- A published text freezes the figures it embeds: the data its charts and cards are
-- drawn from, as JSON keyed by reference, taken when it was published.

ALTER TABLE publications ADD COLUMN snapshot TEXT;
ALTER TABLE publications ADD COLUMN snapshot_at INTEGER;
