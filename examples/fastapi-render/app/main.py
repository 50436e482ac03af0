import os
from functools import lru_cache

from cachetools import TTLCache
from fastapi import FastAPI
from sqlalchemy import create_engine, text

engine = create_engine(os.environ["DATABASE_URL"], pool_size=5, max_overflow=10)
app = FastAPI()

# Per-process cache: each gunicorn worker keeps its own copy.
feed_cache: TTLCache = TTLCache(maxsize=1024, ttl=60)


@lru_cache(maxsize=256)
def album_title(album_id: int) -> str:
    with engine.connect() as conn:
        return conn.execute(text("SELECT title FROM albums WHERE id = :id"), {"id": album_id}).scalar_one()


@app.get("/users/{user_id}/feed")
def feed(user_id: int):
    if user_id in feed_cache:
        return feed_cache[user_id]
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id, storage_key FROM photos WHERE user_id = :u ORDER BY created_at DESC LIMIT 50"),
            {"u": user_id},
        ).all()
    feed_cache[user_id] = [dict(r._mapping) for r in rows]
    return feed_cache[user_id]


@app.get("/albums/{album_id}/photos")
def album_photos(album_id: int):
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id FROM photos WHERE album_id = :a"), {"a": album_id}).all()
    return {"title": album_title(album_id), "photos": [r.id for r in rows]}
