// One conversation socket: parses frames, runs one answer at a time, handles stop, and sends
// events. What a message frame means is the caller's (chat or tutor) `handleMessage`.
import type { FastifyBaseLogger } from 'fastify';
import { WebSocket, type RawData } from 'ws';
import type { ChatServerEvent } from '@tutor/shared/chat';
import { trackSocket, trackTurn } from './live-sockets';

export type SendEvent = (event: ChatServerEvent) => void;

export type MessageHandler = (
  frame: Record<string, unknown>,
  signal: AbortSignal,
  send: SendEvent,
) => Promise<void>;

export interface Conversation {
  /** Starts handling frames (those received while authenticating are handled first). */
  start(handleMessage: MessageHandler): void;
  send: SendEvent;
}

const BUSY_MESSAGE =
  'Wait for the current answer to finish (or send {"type":"stop"}) before sending another message.';

/**
 * Pings every `pingIntervalMs`; a client that has not answered the previous ping is gone (a closed
 * laptop, a dropped network): its socket is terminated, which stops its answer. Regular pings also
 * keep proxies from closing an idle connection.
 */
function keepAlive(socket: WebSocket, pingIntervalMs: number): void {
  let alive = true;
  socket.on('pong', () => {
    alive = true;
  });
  const timer = setInterval(() => {
    if (!alive) {
      socket.terminate();
      return;
    }
    alive = false;
    socket.ping();
  }, pingIntervalMs);
  timer.unref();
  socket.once('close', () => clearInterval(timer));
}

/** Call synchronously in the socket handler, so no frame is lost while authenticating. */
export function openConversation(
  socket: WebSocket,
  log: FastifyBaseLogger,
  pingIntervalMs: number,
): Conversation {
  trackSocket(socket);
  keepAlive(socket, pingIntervalMs);
  let handler: MessageHandler | undefined;
  const buffered: RawData[] = [];
  let current: AbortController | undefined;

  const send: SendEvent = (event) => {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(event));
  };

  const onFrame = (data: RawData) => {
    let frame: unknown;
    try {
      frame = JSON.parse(data.toString());
    } catch {
      send({
        type: 'error',
        message: 'Invalid JSON: send an object such as {"content": "your question"}',
      });
      return;
    }
    if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) {
      send({
        type: 'error',
        message: 'Invalid frame: send an object such as {"content": "your question"}',
      });
      return;
    }
    const fields = frame as Record<string, unknown>;
    if (fields.type === 'stop') {
      current?.abort();
      return;
    }
    if (current) {
      send({ type: 'error', message: BUSY_MESSAGE });
      return;
    }
    const controller = new AbortController();
    current = controller;
    const turn = handler!(fields, controller.signal, send)
      .catch((error: unknown) => {
        log.error({ err: error }, 'conversation frame failed');
        send({ type: 'error', message: 'Something went wrong on our side. Please try again.' });
      })
      .finally(() => {
        if (current === controller) current = undefined;
      });
    trackTurn(turn);
  };

  socket.on('message', (data) => (handler ? onFrame(data) : buffered.push(data)));
  // Closing mid-answer stops it: the partial answer is stored as stopped.
  socket.on('close', () => current?.abort());

  return {
    send,
    start(handleMessage) {
      handler = handleMessage;
      for (const data of buffered.splice(0)) onFrame(data);
    },
  };
}
