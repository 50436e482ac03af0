import { LRUCache } from 'lru-cache';
import { NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';

// Cached per function instance: each Vercel instance holds its own copy.
const feedCache = new LRUCache<string, unknown>({ max: 500, ttl: 30_000 });

export async function GET(request: Request) {
  const authorId = new URL(request.url).searchParams.get('author') ?? '';
  const cached = feedCache.get(authorId);
  if (cached) return NextResponse.json(cached);
  const posts = await prisma.post.findMany({
    where: { authorId, published: true },
    include: { comments: { where: { authorId } } },
    orderBy: { publishedAt: 'desc' },
    take: 20,
  });
  feedCache.set(authorId, posts);
  return NextResponse.json(posts);
}
