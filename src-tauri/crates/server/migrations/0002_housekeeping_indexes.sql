-- Default REST order and new-row sequence numbers read the newest row of a table.
CREATE INDEX records_seq ON records(tbl, seq);
-- Expired idempotent replies are pruned by age.
CREATE INDEX function_replies_at ON function_replies(user_id, at);
