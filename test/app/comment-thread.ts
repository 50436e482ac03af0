import type { GitHubRecorder } from '../github/github-recorder.ts';
import { BOT_LOGIN, COMMENTS_PATH, OWNER, REPO } from './harness.ts';

interface StoredComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  updated_at: string;
}

/** GitHub's timestamps, to the second. */
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * A pull request's conversation as GitHub keeps it: listing returns what was created or edited
 * before, so two reviews in a row see each other's comment exactly as they would on GitHub.
 */
export class CommentThread {
  readonly comments: StoredComment[] = [];
  #nextId = 9001;

  readonly github: GitHubRecorder;

  constructor(
    github: GitHubRecorder,
    initial: Array<{ body: string; login?: string; type?: string; updatedAt?: string }> = [],
  ) {
    this.github = github;
    for (const comment of initial) {
      const added = this.#add(comment.body, comment.login ?? BOT_LOGIN, comment.type ?? 'Bot');
      if (comment.updatedAt) added.updated_at = comment.updatedAt;
    }
  }

  /** Answers `times` list requests (first page, fewer than 100 comments). */
  expectList(times = 1): this {
    this.github.scope
      .get(COMMENTS_PATH)
      .query({ per_page: '100', page: '1' })
      .times(times)
      .reply(200, () => structuredClone(this.comments));
    return this;
  }

  expectCreate(): this {
    this.github.scope.post(COMMENTS_PATH).reply(201, async (request: Request) => {
      const { body } = (await request.json()) as { body: string };
      return this.#add(body, BOT_LOGIN, 'Bot');
    });
    return this;
  }

  expectUpdate(times = 1): this {
    this.github.scope
      .patch(new RegExp(`^/repos/${OWNER}/${REPO}/issues/comments/\\d+$`))
      .times(times)
      .reply(200, async (request: Request) => {
        const id = Number(new URL(request.url).pathname.split('/').pop());
        const comment = this.comments.find((candidate) => candidate.id === id);
        if (!comment) throw new Error(`No comment ${id}`);
        comment.body = ((await request.json()) as { body: string }).body;
        comment.updated_at = now();
        return comment;
      });
    return this;
  }

  #add(body: string, login: string, type: string): StoredComment {
    const comment = { id: this.#nextId++, body, user: { login, type }, updated_at: now() };
    this.comments.push(comment);
    return comment;
  }
}
