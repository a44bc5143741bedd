import { createServer, Server } from 'node:http';

export type HealthState = () => { ok: boolean; details: Record<string, unknown> };

/** GET /health: 200 while the worker runs and polls, 503 otherwise (starting, draining, failed). */
export function startHealthServer(port: number, state: HealthState): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url !== '/health') {
      res.writeHead(404).end();
      return;
    }
    const { ok, details } = state();
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', ...details }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}
