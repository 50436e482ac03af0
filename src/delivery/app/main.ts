import { run } from 'probot';
import { headroomApp } from './index.ts';
import { HeadroomOctokit } from './octokit.ts';

// `probot run` cannot be given an Octokit class; `run` with the app function can.
await run(headroomApp, { Octokit: HeadroomOctokit });
