import type { LoggerService } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DestinationStream } from 'pino';

/**
 * Where the logs go: human-readable lines when a person watches the terminal in development,
 * JSON lines otherwise (files, containers, log shippers). pino-pretty is a development
 * dependency: loaded only when it is installed, so production never needs it.
 */
export function logDestination(production: boolean): DestinationStream | undefined {
  if (production || !process.stdout.isTTY) return undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional, development only
    const pretty = require('pino-pretty') as (o: Record<string, unknown>) => DestinationStream;
    // Synchronous, so every start-up line is written before the banner that follows them.
    return pretty({
      sync: true,
      colorize: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,service',
      singleLine: true,
    });
  } catch {
    return undefined;
  }
}

/**
 * A request log line names the request, not its headers: no tokens, cookies or user agents, and a
 * log that grows by a line, not a page, per click.
 */
export const requestSerializers = {
  req: (req: IncomingMessage & { id?: unknown; raw?: IncomingMessage }) => ({
    id: req.id,
    method: req.method,
    url: req.url,
  }),
  res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
};

/** Nest's own start-up chatter: one line per module and route, which buries the banner. */
const START_UP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/**
 * The application logger with Nest's start-up info lines left out in development (warnings and
 * errors from those contexts still pass, and production keeps everything).
 */
export class QuietStartLogger implements LoggerService {
  constructor(
    private readonly inner: LoggerService,
    private readonly quiet: boolean,
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (this.quiet && typeof context === 'string' && START_UP_CONTEXTS.has(context)) return;
    this.inner.log(message, ...rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.inner.error(message, ...rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.inner.warn(message, ...rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.inner.debug?.(message, ...rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.inner.verbose?.(message, ...rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    (this.inner.fatal ?? this.inner.error).call(this.inner, message, ...rest);
  }
}
