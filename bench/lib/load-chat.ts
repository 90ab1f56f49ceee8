// The load worker's chat runners over WebSockets (run in the child process, see load-jobs.ts).
import WebSocket from 'ws';
import type { ChatServerEvent } from '@tutor/shared/chat';
import type { ChatStreamsJob, ChatStreamsResult, ChatTurnsJob } from './load-jobs';

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Sequential turns on one socket: ms from send to the first token (or echo), after warm-up. */
export async function runChatTurns(job: ChatTurnsJob): Promise<number[]> {
  const ws = await open(job.url);
  const samples: number[] = [];
  let sessionId: string | undefined;
  for (let i = 0; i < job.turns; i += 1) {
    if (i % 10 === 0) sessionId = undefined; // a new conversation every 10 turns
    const sample = await new Promise<number>((resolve, reject) => {
      let firstToken: number | undefined;
      const started = performance.now();
      const onMessage = (data: WebSocket.RawData) => {
        const event = JSON.parse(data.toString()) as ChatServerEvent;
        if (event.type === 'session') sessionId = event.session_id;
        if (event.type === 'token' && firstToken === undefined)
          firstToken = performance.now() - started;
        if (event.type === 'error' || event.type === 'canned') {
          ws.off('message', onMessage);
          reject(new Error(`unexpected ${event.type}: ${JSON.stringify(event)}`));
        }
        if (firstToken !== undefined && (!job.waitForDone || event.type === 'done')) {
          ws.off('message', onMessage);
          resolve(firstToken);
        }
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ content: `${job.question} (case ${i})`, session_id: sessionId }));
    });
    if (job.thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, job.thinkMs));
    if (i >= job.warmupTurns) samples.push(sample);
  }
  ws.close();
  return samples;
}

/** One streamed answer on each socket at once: tokens lost or out of order, and arrival gaps. */
export async function runChatStreams(job: ChatStreamsJob): Promise<ChatStreamsResult> {
  const sockets = await Promise.all(job.urls.map(open));
  const result: ChatStreamsResult = {
    received: 0,
    expected: job.tokens * sockets.length,
    outOfOrder: 0,
    done: 0,
    errors: [],
    gaps: [],
    steadyGaps: [],
  };
  await Promise.all(
    sockets.map(
      (ws, index) =>
        new Promise<void>((resolve) => {
          let next = 0;
          let last: number | undefined;
          ws.on('message', (data) => {
            const event = JSON.parse(data.toString()) as ChatServerEvent;
            if (event.type === 'token') {
              const now = performance.now();
              if (last !== undefined) {
                result.gaps.push(now - last);
                if (next >= 50 && next < job.tokens - 50) result.steadyGaps.push(now - last);
              }
              last = now;
              result.received += 1;
              if (event.content !== `t${next} `) result.outOfOrder += 1;
              next += 1;
            } else if (event.type === 'done') {
              result.done += 1;
              ws.close();
              resolve();
            } else if (event.type === 'error' || event.type === 'canned') {
              result.errors.push(JSON.stringify(event));
              ws.close();
              resolve();
            }
          });
          ws.send(JSON.stringify({ content: `${job.question} (stream ${index})` }));
        }),
    ),
  );
  return result;
}
