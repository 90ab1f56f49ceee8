import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Env } from '../../src/config/env';

/**
 * A local stand-in for LLM vendors, speaking their real wire formats so the real AI SDK provider
 * code can be tested here: OpenAI chat completions (SSE), Anthropic messages streaming, Google
 * streamGenerateContent (SSE), and
 * embeddings in the OpenAI, Cohere (v2 /embed) and Google (batchEmbedContents) formats. Each route plays scripted behaviours in order (the last one repeats):
 * a reply streamed token by token, a delay per token, an HTTP error status, a hang, or a stream
 * dropped after K tokens. Every request is recorded.
 */

export type Vendor = 'openai' | 'anthropic' | 'google' | 'embeddings';

export interface Script {
  /**
   * Text streamed as tokens (split into words, spaces kept), or the exact tokens; a function makes
   * the reply from the request's body (a model that answers what it is asked).
   */
  reply?: string | string[] | ((body: Record<string, unknown>) => string);
  /** Delay before each token. */
  tokenDelayMs?: number;
  /** Answer with this HTTP status and the vendor's error body instead. */
  status?: number;
  /** Accept the request and never answer (until the client gives up or the stand-in closes). */
  hang?: boolean;
  /** Send the response headers, then hang before the first token. */
  hangAfterHeaders?: boolean;
  /** Destroy the connection after this many tokens. */
  dropAfter?: number;
}

/** A script as one request plays it: its reply made. */
type PlayedScript = Omit<Script, 'reply'> & { reply?: string | string[] };

export interface RecordedRequest {
  vendor: Vendor | 'unknown';
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  /** Set when the client closed the connection before the response finished (stop, timeout). */
  closedEarly: boolean;
}

export interface LlmStandIn {
  /** e.g. http://127.0.0.1:43123 */
  url: string;
  /** Base URL for OpenAI-style and Anthropic clients: `${url}/v1`. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Scripts for a route, played in order; the last one repeats. Replaces earlier scripts. */
  script(vendor: Vendor, ...scripts: Script[]): void;
  /** Vector returned for an embedded text (default: a deterministic 64-dimensional hash). */
  embedWith(embed: (text: string) => number[]): void;
  requestsTo(vendor: Vendor): RecordedRequest[];
  /**
   * Stops listening, as a vendor that is down: new connections are refused (ECONNREFUSED, never
   * recorded) and open ones dropped, until `acceptConnections()` listens on the same port again.
   */
  refuseConnections(): Promise<void>;
  acceptConnections(): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_REPLY = 'Hello from the stand-in.';

export function tokensOf(reply: string | string[] | undefined): string[] {
  if (Array.isArray(reply)) return reply;
  return (reply ?? DEFAULT_REPLY).match(/\S+\s*/g) ?? [];
}

export function hashEmbedding(text: string, dimensions = 64): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    let h = 2166136261;
    for (const char of word) h = Math.imul(h ^ char.charCodeAt(0), 16777619);
    vector[(h >>> 0) % dimensions] = (vector[(h >>> 0) % dimensions] ?? 0) + 1;
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => value / norm);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startLlmStandIn(): Promise<LlmStandIn> {
  const scripts: Record<Vendor, Script[]> = {
    openai: [],
    anthropic: [],
    google: [],
    embeddings: [],
  };
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let embed = (text: string) => hashEmbedding(text);

  const nextScript = (vendor: Vendor): Script => {
    const queue = scripts[vendor];
    return (queue.length > 1 ? queue.shift() : queue[0]) ?? {};
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: Record<string, unknown> = {};
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      body = { raw: text };
    }
    const path = (req.url ?? '').split('?')[0] ?? '';
    // Embedding formats: OpenAI (and compatible) /embeddings, Cohere v2 /embed, Google
    // models/{id}:batchEmbedContents and :embedContent. All count as the "embeddings" route.
    const embeddingFormat = path.endsWith('/embeddings')
      ? 'openai'
      : path.endsWith('/embed')
        ? 'cohere'
        : /:(batchEmbedContents|embedContent)$/.test(path)
          ? 'google'
          : null;
    const vendor: Vendor | 'unknown' = path.endsWith('/chat/completions')
      ? 'openai'
      : path.endsWith('/messages')
        ? 'anthropic'
        : path.endsWith(':streamGenerateContent') || path.endsWith(':generateContent')
          ? 'google'
          : embeddingFormat
            ? 'embeddings'
            : 'unknown';
    const record: RecordedRequest = {
      vendor,
      method: req.method ?? '',
      path,
      headers: req.headers,
      body,
      closedEarly: false,
    };
    requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) record.closedEarly = true;
    });
    if (vendor === 'unknown') {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: `no route ${path}` } }));
      return;
    }
    const next = nextScript(vendor);
    const script: PlayedScript = {
      ...next,
      reply: typeof next.reply === 'function' ? next.reply(body) : next.reply,
    };
    if (script.hang) return;
    if (script.status) {
      res
        .writeHead(script.status, { 'content-type': 'application/json' })
        .end(JSON.stringify(errorBody(vendor, script.status)));
      return;
    }
    if (vendor === 'embeddings') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(embeddingBody(embeddingFormat ?? 'openai', body, embed)));
      return;
    }
    const streaming =
      vendor === 'google' ? path.endsWith(':streamGenerateContent') : body.stream === true;
    if (!streaming) {
      const content = tokensOf(script.reply).join('');
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(completeBody(vendor, String(body.model), content)));
      return;
    }
    await streamReply(vendor, String(body.model), script, res);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('stand-in has no port');
  const url = `http://127.0.0.1:${address.port}`;
  const stopListening = async () => {
    if (!server.listening) return;
    server.close();
    for (const socket of sockets) socket.destroy();
    await once(server, 'close').catch(() => {});
  };

  return {
    url,
    baseUrl: `${url}/v1`,
    requests,
    script(vendor, ...list) {
      scripts[vendor] = [...list];
    },
    embedWith(fn) {
      embed = fn;
    },
    requestsTo: (vendor) => requests.filter((request) => request.vendor === vendor),
    refuseConnections: stopListening,
    async acceptConnections() {
      if (server.listening) return;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(address.port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
    },
    reset() {
      requests.length = 0;
      scripts.openai = [];
      scripts.anthropic = [];
      scripts.google = [];
      scripts.embeddings = [];
      embed = (text) => hashEmbedding(text);
    },
    close: stopListening,
  };
}

async function streamReply(
  vendor: 'openai' | 'anthropic' | 'google',
  model: string,
  script: PlayedScript,
  res: ServerResponse,
) {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  res.flushHeaders();
  if (script.hangAfterHeaders) return;
  const send = (event: string | null, data: unknown) =>
    res.write(
      `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`,
    );
  const tokens = tokensOf(script.reply);
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: Record<string, unknown>, finish: string | null) => ({
    id: 'chatcmpl-stand-in',
    object: 'chat.completion.chunk',
    created,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });

  const gemini = (text: string, finishReason?: string) => ({
    candidates: [
      {
        content: { parts: [{ text }], role: 'model' },
        index: 0,
        ...(finishReason ? { finishReason } : {}),
      },
    ],
    ...(finishReason
      ? {
          usageMetadata: {
            promptTokenCount: 10,
            candidatesTokenCount: tokens.length,
            totalTokenCount: 10 + tokens.length,
          },
        }
      : {}),
    modelVersion: model,
  });

  if (vendor === 'openai') send(null, chunk({ role: 'assistant', content: '' }, null));
  else if (vendor === 'anthropic') {
    send('message_start', {
      type: 'message_start',
      message: {
        id: 'msg_stand_in',
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 10, output_tokens: 1 },
      },
    });
    send('content_block_start', {
      type: 'content_block_start',
      index: 0,
      content_block: { type: 'text', text: '' },
    });
    send('ping', { type: 'ping' });
  }

  for (const [i, token] of tokens.entries()) {
    if (script.dropAfter !== undefined && i >= script.dropAfter) {
      await dropConnection(res);
      return;
    }
    if (script.tokenDelayMs) await sleep(script.tokenDelayMs);
    if (res.destroyed) return;
    if (vendor === 'openai') send(null, chunk({ content: token }, null));
    else if (vendor === 'google') send(null, gemini(token));
    else
      send('content_block_delta', {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'text_delta', text: token },
      });
  }
  if (script.dropAfter !== undefined && script.dropAfter >= tokens.length) {
    await dropConnection(res);
    return;
  }

  if (vendor === 'openai') {
    send(null, chunk({}, 'stop'));
    send(null, {
      id: 'chatcmpl-stand-in',
      object: 'chat.completion.chunk',
      created,
      model,
      choices: [],
      usage: {
        prompt_tokens: 10,
        completion_tokens: tokens.length,
        total_tokens: 10 + tokens.length,
      },
    });
    send(null, '[DONE]');
  } else if (vendor === 'google') {
    send(null, gemini('', 'STOP'));
  } else {
    send('content_block_stop', { type: 'content_block_stop', index: 0 });
    send('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: tokens.length },
    });
    send('message_stop', { type: 'message_stop' });
  }
  res.end();
}

/**
 * Ends the connection mid-response the way a crashed upstream does: the tokens already written
 * reach the client first (a FIN after a flush, not a reset that could discard them), and the
 * chunked body is never terminated, so the client sees a truncated stream.
 */
async function dropConnection(res: ServerResponse) {
  await new Promise<void>((resolve) => res.write('', () => resolve()));
  await sleep(20);
  res.socket?.end();
  setTimeout(() => res.destroy(), 50).unref();
}

type EmbeddingFormat = 'openai' | 'cohere' | 'google';

function embeddingBody(
  format: EmbeddingFormat,
  body: Record<string, unknown>,
  embed: (text: string) => number[],
) {
  if (format === 'cohere') {
    const texts = (body.texts as string[] | undefined) ?? [];
    return {
      id: 'embed-stand-in',
      embeddings: { float: texts.map(embed) },
      texts,
      meta: { billed_units: { input_tokens: texts.length } },
    };
  }
  if (format === 'google') {
    const textOf = (content: unknown) =>
      ((content as { parts?: { text?: string }[] } | undefined)?.parts ?? [])
        .map((part) => part.text ?? '')
        .join('');
    if (Array.isArray(body.requests)) {
      return {
        embeddings: (body.requests as { content?: unknown }[]).map((request) => ({
          values: embed(textOf(request.content)),
        })),
      };
    }
    return { embedding: { values: embed(textOf(body.content)) } };
  }
  const input = body.input;
  const values = Array.isArray(input) ? (input as string[]) : [String(input)];
  return {
    object: 'list',
    data: values.map((value, index) => ({ object: 'embedding', index, embedding: embed(value) })),
    model: body.model,
    usage: { prompt_tokens: values.length, total_tokens: values.length },
  };
}

function errorBody(vendor: Vendor, status: number) {
  const message =
    status === 429
      ? 'Rate limit reached'
      : status >= 500
        ? 'The server had an error'
        : 'Request rejected';
  if (vendor === 'anthropic') {
    const type =
      status === 429
        ? 'rate_limit_error'
        : status === 529
          ? 'overloaded_error'
          : status >= 500
            ? 'api_error'
            : 'invalid_request_error';
    return { type: 'error', error: { type, message } };
  }
  return {
    error: {
      message,
      type: status >= 500 ? 'server_error' : 'invalid_request_error',
      param: null,
      code: null,
    },
  };
}

function completeBody(vendor: 'openai' | 'anthropic' | 'google', model: string, content: string) {
  if (vendor === 'google') {
    return {
      candidates: [
        { content: { parts: [{ text: content }], role: 'model' }, finishReason: 'STOP', index: 0 },
      ],
      modelVersion: model,
    };
  }
  if (vendor === 'anthropic') {
    return {
      id: 'msg_stand_in',
      type: 'message',
      role: 'assistant',
      model,
      content: [{ type: 'text', text: content }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 5 },
    };
  }
  return {
    id: 'chatcmpl-stand-in',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  };
}

/**
 * The env of an app whose vendors are Anthropic then OpenAI, both played by `standIn`, so a test
 * can script a failover between them.
 */
export function standInVendorsEnv(
  standIn: LlmStandIn,
  options: { maxRetries: number },
): Partial<Record<keyof Env, string>> {
  return {
    LLM_PROVIDERS: 'anthropic,openai',
    ANTHROPIC_API_KEY: 'sk-ant-test',
    ANTHROPIC_BASE_URL: standIn.baseUrl,
    OPENAI_API_KEY: 'sk-openai-test',
    OPENAI_BASE_URL: standIn.baseUrl,
    LLM_TIMEOUT_MS: '1500', // generous: a loaded CI machine is slow to the first token too
    LLM_MAX_RETRIES: String(options.maxRetries),
  };
}

/**
 * Replaces global fetch with one that only lets loopback requests through; anything else is
 * recorded in `blocked` and rejected. Restore it in afterAll and assert `blocked` is empty.
 */
export function guardOutboundFetch(): { blocked: string[]; restore(): void } {
  const realFetch = globalThis.fetch;
  const blocked: string[] = [];
  globalThis.fetch = (async (
    input: Parameters<typeof fetch>[0],
    init?: Parameters<typeof fetch>[1],
  ) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(url.hostname)) {
      blocked.push(url.href);
      throw new TypeError(
        `Blocked outbound request to ${url.host} (tests may only reach loopback)`,
      );
    }
    return realFetch(input, init);
  }) as typeof fetch;
  return {
    blocked,
    restore() {
      globalThis.fetch = realFetch;
    },
  };
}
