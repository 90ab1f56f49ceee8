import { TokenResponseSchema } from '@tutor/shared/auth';
import type { z } from 'zod';
import { secondsUntilExpiry } from '../lib/jwt';
import { ApiError, apiErrorFromResponse, networkError } from './api-error';

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Send the access token, and on a 401 refresh once and retry once (default true). */
  auth?: boolean;
  /** Validates the response body; without it the body is returned as parsed JSON. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
}

export type TokenListener = (token: string | null) => void;

export interface ApiClientOptions {
  fetch?: typeof fetch;
  /**
   * Runs a refresh exclusively. The default uses the Web Locks API so that two tabs restoring
   * their sessions at once do not present the same refresh token twice (the server would treat
   * the second as reuse and revoke the session).
   */
  exclusive?: <R>(run: () => Promise<R>) => Promise<R>;
}

export interface ApiClient {
  /** Calls the API; throws ApiError for any non-2xx answer or when the server is unreachable. */
  request<T = unknown>(path: string, options?: RequestOptions<T>): Promise<T>;
  /** POST /api/auth/refresh, shared by all callers while one is in flight. Null = signed out. */
  refresh(): Promise<string | null>;
  /** The access token, refreshed first when it expires within `minValiditySeconds`. */
  getAccessToken(minValiditySeconds?: number): Promise<string | null>;
  /** The access token held in memory right now. */
  currentAccessToken(): string | null;
  setAccessToken(token: string | null): void;
  /** Called whenever the token changes; null means the session ended. Returns an unsubscribe. */
  subscribe(listener: TokenListener): () => void;
}

const REFRESH_LOCK = 'numerical-tutor:auth-refresh';

function defaultExclusive<R>(run: () => Promise<R>): Promise<R> {
  if (typeof navigator !== 'undefined' && navigator.locks) {
    return navigator.locks.request(REFRESH_LOCK, run) as Promise<R>;
  }
  return run();
}

async function readBody<T>(response: Response, schema?: z.ZodType<T>): Promise<T> {
  const unexpected = () =>
    new ApiError(response.status, 'bad_response', 'The server sent an unexpected answer.');
  const text = await response.text();
  let data: unknown;
  try {
    data = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw unexpected();
  }
  if (!schema) return data as T;
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw unexpected();
  return parsed.data;
}

/** The headers, method and body of one call, with the bearer token unless `auth` is false. */
function buildInit<T>(requestOptions: RequestOptions<T>, token: string | null): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (requestOptions.body !== undefined) headers['content-type'] = 'application/json';
  if ((requestOptions.auth ?? true) && token !== null) headers.authorization = `Bearer ${token}`;
  return {
    method: requestOptions.method ?? 'GET',
    headers,
    body: requestOptions.body === undefined ? undefined : JSON.stringify(requestOptions.body),
    signal: requestOptions.signal,
  };
}

type Send = (path: string, init: RequestInit) => Promise<Response>;

/** Fetches with the session cookie; an unreachable server becomes a network ApiError. */
function createSend(doFetch: typeof fetch): Send {
  return async function send(path, init) {
    try {
      return await doFetch(path, { credentials: 'same-origin', ...init });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw networkError();
    }
  };
}

/** POST /api/auth/refresh once: the new access token, or null when the session is over. */
async function requestRefresh(send: Send): Promise<string | null> {
  const response = await send('/api/auth/refresh', {
    method: 'POST',
    headers: { accept: 'application/json' },
  });
  if (response.ok) return (await readBody(response, TokenResponseSchema)).access_token;
  // No cookie, an expired or revoked one, or a deleted user: the session is over.
  if (response.status === 400 || response.status === 401 || response.status === 403) return null;
  throw await apiErrorFromResponse(response);
}

interface TokenStore {
  current(): string | null;
  set(token: string | null): void;
  subscribe(listener: TokenListener): () => void;
}

/** The access token in memory, telling its listeners whenever it changes. */
function createTokenStore(): TokenStore {
  const listeners = new Set<TokenListener>();
  let accessToken: string | null = null;
  return {
    current: () => accessToken,
    set(token) {
      if (token === accessToken) return;
      accessToken = token;
      for (const listener of listeners) listener(token);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

interface SharedRefresh {
  /** Starts a refresh, or joins the one in flight; stores the token it brings. */
  refresh(): Promise<string | null>;
  /** The refresh in flight, if any. */
  inFlight(): Promise<string | null> | null;
}

/** One refresh at a time, shared by all callers while it is in flight. */
function createSharedRefresh(
  send: Send,
  exclusive: NonNullable<ApiClientOptions['exclusive']>,
  tokens: TokenStore,
): SharedRefresh {
  let refreshing: Promise<string | null> | null = null;
  function refresh(): Promise<string | null> {
    refreshing ??= exclusive(() => requestRefresh(send))
      .then((token) => {
        tokens.set(token);
        return token;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }
  return { refresh, inFlight: () => refreshing };
}

/** `request`: sends the call, and on a 401 refreshes once and retries once. */
function createRequest(send: Send, tokens: TokenStore, refresh: () => Promise<string | null>) {
  return async function request<T = unknown>(
    path: string,
    requestOptions: RequestOptions<T> = {},
  ): Promise<T> {
    const tokenUsed = tokens.current();
    let response = await send(path, buildInit(requestOptions, tokenUsed));
    if (response.status === 401 && (requestOptions.auth ?? true)) {
      // If another call already refreshed while this one was in flight, reuse its token.
      const latest = tokens.current();
      const fresh = latest !== null && latest !== tokenUsed ? latest : await refresh();
      if (fresh === null) throw await apiErrorFromResponse(response);
      response = await send(path, buildInit(requestOptions, fresh));
    }
    if (!response.ok) throw await apiErrorFromResponse(response);
    return readBody(response, requestOptions.schema);
  };
}

/**
 * The one API client: keeps the access token in memory only (the refresh token is an httpOnly
 * cookie), adds it as a bearer token, and on a 401 refreshes once and retries once.
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  // Looked up per call so tests can stub the global fetch.
  const send = createSend(options.fetch ?? ((input, init) => fetch(input, init)));
  const tokens = createTokenStore();
  const shared = createSharedRefresh(send, options.exclusive ?? defaultExclusive, tokens);
  const refresh = () => shared.refresh();

  async function getAccessToken(minValiditySeconds = 60): Promise<string | null> {
    const inFlight = shared.inFlight();
    if (inFlight) return inFlight;
    const accessToken = tokens.current();
    if (accessToken === null) return null;
    const remaining = secondsUntilExpiry(accessToken);
    if (remaining !== null && remaining < minValiditySeconds) return refresh();
    return accessToken;
  }

  return {
    request: createRequest(send, tokens, refresh),
    refresh,
    getAccessToken,
    currentAccessToken: () => tokens.current(),
    setAccessToken: (token) => tokens.set(token),
    subscribe: (listener) => tokens.subscribe(listener),
  };
}

/** The app's client. */
export const apiClient = createApiClient();
/** Shorthand for `apiClient.request`. */
export const apiFetch = apiClient.request;
