import type { Octokit } from '@octokit/core';

/**
 * The slice of Octokit the GitHub layer uses. Probot's `context.octokit` and a plain
 * `new Octokit()` from @octokit/rest both satisfy it, so the App and the Action share this layer.
 */
export interface GitHubClient {
  request: Octokit['request'];
  graphql: Octokit['graphql'];
}

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface PullRequestRef extends RepoRef {
  number: number;
}
