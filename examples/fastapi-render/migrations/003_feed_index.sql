-- The feed lists a user's photos newest first.
CREATE INDEX idx_photos_user_created ON photos (user_id, created_at DESC);
