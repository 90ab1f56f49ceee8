// The one WebSocket skeleton of a conversation (/ws/chat, /ws/tutor): open the conversation at
// once (no frame is lost), authenticate ?token, let the feature prepare, then per frame: validate,
// take the message budget, run a turn. A socket that fails to open is closed with 1011.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { z } from 'zod';
import { describeZodError } from '../errors/validation';
import { authenticateSocket } from './socket/authenticate-socket';
import {
  type Conversation,
  type MessageHandler,
  openConversation,
} from './socket/conversation-socket';
import { withinMessageBudget } from './socket/message-budget';
import { INTERNAL_ERROR_MESSAGE, UNAVAILABLE_MESSAGE } from './turn/canned';
import { turnDeps } from './turn/deps';
import { runTurn } from './turn/run-turn';
import { type TurnRequest, TurnRefused } from './turn/types';

/** What a feature says about one message: everything of the turn but its user and stop signal. */
export type PreparedTurn = Omit<TurnRequest, 'userId' | 'signal'>;

export interface ConversationConnection {
  app: FastifyInstance;
  socket: WebSocket;
  request: FastifyRequest;
  userId: string;
}

export interface ConversationRoute<Frame> {
  /** Names the socket in logs ("chat socket failed to open"). */
  name: string;
  path: string;
  frameSchema: z.ZodType<Frame>;
  /**
   * Runs once per socket after authentication and returns the function that prepares each turn
   * from a valid frame; or null after closing the socket itself (e.g. an unknown module). The
   * preparer may throw `TurnRefused` (a policy says no): an `error` event, nothing stored.
   */
  prepare(connection: ConversationConnection): Promise<TurnPreparer<Frame> | null>;
}

/** Prepares each turn from a valid frame (it may read the database first). */
export type TurnPreparer<Frame> = (frame: Frame) => PreparedTurn | Promise<PreparedTurn>;

function frameHandler<Frame>(
  route: ConversationRoute<Frame>,
  connection: ConversationConnection,
  prepareTurn: TurnPreparer<Frame>,
): MessageHandler {
  const { app, request, userId } = connection;
  return async (raw, signal, send) => {
    const frame = route.frameSchema.safeParse(raw);
    if (!frame.success) return send({ type: 'error', message: describeZodError(frame.error) });
    if (!(await withinMessageBudget(app, userId, send))) return;
    const deps = turnDeps(app, request.log);
    if (!deps) return send({ type: 'error', message: UNAVAILABLE_MESSAGE });
    let prepared: PreparedTurn;
    try {
      prepared = await prepareTurn(frame.data);
    } catch (error) {
      if (error instanceof TurnRefused) return send({ type: 'error', message: error.message });
      request.log.error({ err: error }, `${route.name} turn could not be prepared`);
      return send({ type: 'error', message: INTERNAL_ERROR_MESSAGE });
    }
    await runTurn(deps, { ...prepared, userId, signal }, send);
  };
}

async function connect<Frame>(
  route: ConversationRoute<Frame>,
  conversation: Conversation,
  connection: Omit<ConversationConnection, 'userId'>,
): Promise<void> {
  const userId = await authenticateSocket(connection.app, connection.socket, connection.request);
  if (!userId) return;
  const withUser = { ...connection, userId };
  const prepareTurn = await route.prepare(withUser);
  if (!prepareTurn) return;
  conversation.start(frameHandler(route, withUser, prepareTurn));
}

/** Serves `route.path` as a conversation socket. */
export function registerConversation<Frame>(
  app: FastifyInstance,
  route: ConversationRoute<Frame>,
): void {
  app.get(route.path, { websocket: true }, (socket, request) => {
    const conversation = openConversation(socket, {
      log: request.log,
      pingIntervalMs: app.config.CHAT_SOCKET_PING_MS,
      live: app.liveSockets,
    });
    connect(route, conversation, { app, socket, request }).catch((error: unknown) => {
      request.log.error({ err: error }, `${route.name} socket failed to open`);
      socket.close(1011, 'Server error');
    });
  });
}
