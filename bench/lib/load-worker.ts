// The load generator's own process (forked by load.ts), so the client never competes with the
// server for one event loop: it receives one job, runs it, and sends back its result or error.
import { runChatStreams, runChatTurns } from './load-chat';
import { runHttpJob } from './load-http';
import type { LoadJob, ResultOf, WorkerMessage } from './load-jobs';

const reply = (message: WorkerMessage) => process.send!(message);

function run(job: LoadJob): Promise<ResultOf<LoadJob>> {
  switch (job.kind) {
    case 'http':
      return runHttpJob(job, (edge) => reply({ type: edge }));
    case 'chat-turns':
      return runChatTurns(job);
    case 'chat-streams':
      return runChatStreams(job);
  }
}

process.once('message', (job: LoadJob) => {
  // Exits when the parent disconnects, once it has the outcome (exiting first could lose it).
  process.once('disconnect', () => process.exit(0));
  run(job).then(
    (result) => reply({ type: 'result', result }),
    (error: Error) => reply({ type: 'error', error: error.stack ?? String(error) }),
  );
});
