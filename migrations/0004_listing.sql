-- Trending sums the supports of the last 14 days: found by time, not by scanning every support.
CREATE INDEX supports_time ON supports (created_at, idea_id);
