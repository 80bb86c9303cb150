-- The stream and the webhook dispatcher read an enterprise's notifications after a position. The index was added to 0145 after
-- that migration had already run on databases of the time (main at cb30d16), which therefore never got it; on a database that
-- ran the later 0145 this does nothing.
CREATE INDEX IF NOT EXISTS notifications_feed ON notifications (tin, feed_position) WHERE feed_position IS NOT NULL;
