/**
 * The one way the UI talks to the server: JSON over /api with the bearer token, and every
 * failure turned into an ApiError carrying the problem+json body, so screens can show the
 * server's `detail` and put field errors next to their fields.
 */

import i18n from '../i18n';
import { ApiError, type Problem } from './problem';

const TOKEN_KEY = 'vufo.token';
let token: string | null = sessionStorage.getItem(TOKEN_KEY);
let onUnauthorized: (() => void) | null = null;

export function setToken(value: string | null): void {
  token = value;
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export function getToken(): string | null {
  return token;
}

/** Called when the server says the token is no longer good (expired, user deactivated). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  ifMatch?: number;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  // The server writes its problem texts in the UI's language.
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language === 'en' ? 'en' : 'vi',
  };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  if (opts.ifMatch !== undefined) headers['If-Match'] = String(opts.ifMatch);
  if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError({ status: 0, code: 'NETWORK', detail: '', errors: [] });
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const p = (data ?? {}) as Partial<Problem>;
    if (res.status === 401 && token) onUnauthorized?.();
    throw new ApiError({
      status: res.status,
      code: p.code ?? 'HTTP_' + res.status,
      title: p.title,
      detail: p.detail ?? res.statusText,
      language: res.headers.get('Content-Language') ?? undefined,
      errors: Array.isArray(p.errors) ? p.errors : [],
    });
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A fresh key per user action, so a double click or a retried request has effect once. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
