// One conversation socket: parses frames, runs one answer at a time, handles stop, and sends
// events. What a message frame means is the caller's `handleMessage`.
import type { FastifyBaseLogger } from 'fastify';
import { WebSocket, type RawData } from 'ws';
import type { ChatServerEvent } from '@tutor/shared/chat';
import { INTERNAL_ERROR_MESSAGE } from '../turn/canned';
import { keepAlive } from './keep-alive';
import type { LiveSockets } from './live-sockets';

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

export interface ConversationOptions {
  log: FastifyBaseLogger;
  pingIntervalMs: number;
  live: LiveSockets;
}

const BUSY_MESSAGE =
  'Wait for the current answer to finish (or send {"type":"stop"}) before sending another message.';

/** The frame as an object, or the error to send for it. */
export function parseFrame(
  data: RawData | string,
): { fields: Record<string, unknown> } | { error: string } {
  let frame: unknown;
  try {
    frame = JSON.parse(data.toString());
  } catch {
    return { error: 'Invalid JSON: send an object such as {"content": "your question"}' };
  }
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame))
    return { error: 'Invalid frame: send an object such as {"content": "your question"}' };
  return { fields: frame as Record<string, unknown> };
}

/** Call synchronously in the socket handler, so no frame is lost while authenticating. */
export function openConversation(socket: WebSocket, options: ConversationOptions): Conversation {
  const { log, live } = options;
  live.trackSocket(socket);
  keepAlive(socket, options.pingIntervalMs);
  let handler: MessageHandler | undefined;
  const buffered: RawData[] = [];
  let current: AbortController | undefined;

  const send: SendEvent = (event) => {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(event));
  };

  const runMessage = (fields: Record<string, unknown>) => {
    const controller = new AbortController();
    current = controller;
    const turn = handler!(fields, controller.signal, send)
      .catch((error: unknown) => {
        log.error({ err: error }, 'conversation frame failed');
        send({ type: 'error', message: INTERNAL_ERROR_MESSAGE });
      })
      .finally(() => {
        if (current === controller) current = undefined;
      });
    live.trackTurn(turn);
  };

  const onFrame = (data: RawData) => {
    const parsed = parseFrame(data);
    if ('error' in parsed) return send({ type: 'error', message: parsed.error });
    if (parsed.fields.type === 'stop') return current?.abort();
    if (current) return send({ type: 'error', message: BUSY_MESSAGE });
    runMessage(parsed.fields);
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
