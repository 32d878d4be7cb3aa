-- A call's quota spending is unsettled until the call succeeds; what a killed process left
-- unsettled is refunded on the next start.
ALTER TABLE quota_spend ADD COLUMN settled INTEGER NOT NULL DEFAULT 1;
