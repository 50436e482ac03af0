CREATE TABLE likes (
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  photo_id BIGINT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, photo_id)
);

CREATE INDEX albums_owner_id_idx ON albums (owner_id);
