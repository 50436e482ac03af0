CREATE TABLE guilds (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE messages (
  guild_id TEXT NOT NULL REFERENCES guilds (id),
  channel_id TEXT NOT NULL,
  author_id TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
