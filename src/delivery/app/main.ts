import { run } from 'probot';
import { headroomApp } from './index.ts';
import { createAppLog } from './log.ts';
import { HeadroomOctokit } from './octokit.ts';

// `probot run` cannot be given an Octokit class or a logger; `run` with the app function can.
await run(headroomApp, { Octokit: HeadroomOctokit, log: await createAppLog() });
