import webhookExamples from '@octokit/webhooks-examples';

/** Real webhook payloads from @octokit/webhooks-examples (repository Codertocat/Hello-World). */
type Json = Record<string, unknown>;

export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';

function example(name: string, action?: string): Json {
  const events = webhookExamples as unknown as Array<{ name: string; examples: Json[] }>;
  const found = events.find((e) => e.name === name)?.examples.find((p) => p.action === action);
  if (!found) throw new Error(`@octokit/webhooks-examples has no ${name}${action ? `.${action}` : ''}`);
  return structuredClone(found);
}

/** `pull_request.opened` for pull request `number`, whose base is `baseSha`. */
export function pullRequestEvent(number: number, baseSha: string): Json {
  const payload = example('pull_request', 'opened');
  const pr = payload.pull_request as Json;
  pr.number = number;
  (pr.base as Json).sha = baseSha;
  return payload;
}

/** `issue_comment.edited`: `sender` changed the comment on pull request `number` from `before` to `after`. */
export function commentEditedEvent(
  number: number,
  comment: { id: number; before: string; after: string },
  sender: { login: string; type: 'User' | 'Bot' },
): Json {
  const payload = example('issue_comment', 'edited');
  const issue = payload.issue as Json;
  issue.number = number;
  // What GitHub sends for a comment on a pull request rather than on an issue.
  issue.pull_request = { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${number}` };
  Object.assign(payload.comment as Json, { id: comment.id, body: comment.after });
  payload.changes = { body: { from: comment.before } };
  Object.assign(payload.sender as Json, sender);
  return payload;
}

/** `push` to the default branch. */
export function pushEvent(): Json {
  return example('push');
}
