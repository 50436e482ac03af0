// A worker thread of the load benchmark that posts each wave of deliveries and times the answers,
// on an event loop of its own: the fake GitHub's work in the main thread must not count as the App's.
import { parentPort } from 'node:worker_threads';
import { deliver } from '../test/app/app-processes.ts';
import type { Json } from '../test/github/github-recorder.ts';

export interface Wave {
  port: number;
  /** The deliveries are spread evenly over this time, as GitHub sends them when they happen. */
  spreadMs: number;
  deliveries: Array<{ name: string; payload: Json; id: string }>;
}

export interface Answered {
  ms: number[];
  /** When each delivery was answered, in the order sent. */
  at: number[];
}

parentPort?.on('message', async ({ port, spreadMs, deliveries }: Wave) => {
  const answers = await Promise.all(
    deliveries.map(async ({ name, payload, id }, index) => {
      await new Promise((resolve) => setTimeout(resolve, (index * spreadMs) / deliveries.length));
      const answer = await deliver(port, name, payload, id);
      if (answer.status !== 200) throw new Error(`delivery ${id}: ${answer.status}`);
      return { ms: answer.ms, at: Date.now() };
    }),
  );
  parentPort?.postMessage({ ms: answers.map((a) => a.ms), at: answers.map((a) => a.at) } satisfies Answered);
});
