import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Recorder } from './stats';

/** The API answered, but not with 2xx. */
export class HttpError extends Error {
  constructor(
    readonly kind: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${kind}: HTTP ${status} ${JSON.stringify(body).slice(0, 400)}`);
  }
  get code(): string | undefined {
    return (this.body as { code?: string } | null)?.code;
  }
}

/** No answer at all: connection refused or reset (the API process is down or was killed). */
export class NetworkError extends Error {
  constructor(
    readonly kind: string,
    cause: unknown,
  ) {
    super(`${kind}: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Kinds whose latency is not worth keeping (e.g. polling). */
  quiet?: boolean;
}

/**
 * Kept-alive connections. The load generator shares the two cores with the API and PostgreSQL:
 * global fetch (undici) cost it ~1.6 ms of CPU per request, CPU the system under test lost.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A thin HTTP client that times every request by kind (e.g. `submit`, `get-plan`). */
export class Http {
  readonly bases: string[];
  private turn = 0;

  /**
   * With several API processes on one database, each request goes to the next one in turn, as a
   * round-robin load balancer in front of N replicas would send it: any process serves any user.
   */
  constructor(
    base: string | string[],
    readonly rec: Recorder,
  ) {
    this.bases = typeof base === 'string' ? [base] : base;
  }

  async call<T = unknown>(
    kind: string,
    method: string,
    path: string,
    token: string | null,
    opts: CallOptions = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(opts.body);
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    const started = performance.now();
    let status: number;
    let text: string;
    try {
      const base = this.bases[this.turn++ % this.bases.length];
      ({ status, text } = await send(base + path, method, headers, payload));
    } catch (err) {
      this.rec.error(kind, 'network');
      throw new NetworkError(kind, err);
    }
    const ms = performance.now() - started;
    const body = text ? safeJson(text) : null;
    if (status < 200 || status >= 300) {
      this.rec.error(
        kind,
        `${status}${(body as { code?: string })?.code ? ` ${(body as { code: string }).code}` : ''}`,
      );
      throw new HttpError(kind, status, body);
    }
    if (!opts.quiet) this.rec.record(kind, ms);
    return body as T;
  }

  async login(login: string, password: string): Promise<Session> {
    const res = await this.call<{ accessToken: string; user: { id: string; organizationId: string } }>(
      'login',
      'POST',
      '/api/auth/login',
      null,
      { body: { login, password } },
    );
    return new Session(this, login, res.accessToken, res.user.id, res.user.organizationId);
  }
}

/** A logged-in user. */
export class Session {
  constructor(
    readonly http: Http,
    readonly login: string,
    readonly token: string,
    readonly userId: string,
    readonly organizationId: string,
  ) {}

  /** The same user through another client (its own latency recorder). */
  via(http: Http): Session {
    return new Session(http, this.login, this.token, this.userId, this.organizationId);
  }

  get<T = unknown>(kind: string, path: string, opts: CallOptions = {}): Promise<T> {
    return this.http.call<T>(kind, 'GET', path, this.token, opts);
  }
  post<T = unknown>(kind: string, path: string, body?: unknown, opts: CallOptions = {}): Promise<T> {
    return this.http.call<T>(kind, 'POST', path, this.token, { ...opts, body: body ?? {} });
  }
  patch<T = unknown>(kind: string, path: string, body?: unknown, opts: CallOptions = {}): Promise<T> {
    return this.http.call<T>(kind, 'PATCH', path, this.token, { ...opts, body: body ?? {} });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
