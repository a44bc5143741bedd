import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type * as JsYaml from 'js-yaml';
import * as ts from 'typescript';
import { loadConfig } from '../../apps/api/src/config';
import { loadWorkerConfig } from '../../apps/worker/src/worker-config';
import { buildOnce } from '../support/build';

/**
 * The docker compose stack, checked as far as a machine without a Docker engine can: the files
 * parse and hang together, the image's start commands and copied files exist after the build,
 * each app service sets only variables its code reads (found in the code, not listed by hand)
 * and its code accepts them, and the two apps meet on the same database and Temporal server.
 * NOT checked here: that the images build and run, that the third-party images (postgres,
 * temporalio/auto-setup, temporalio/ui) accept their variables, that the containers talk.
 */
const ROOT = resolve(__dirname, '..', '..');
const DOCKER = join(ROOT, 'docker');

// YAML comes from js-yaml, a dependency of @nestjs/swagger (pinned in package.json), resolved
// through it so the test does not lean on how npm hoists (hence a require of a resolved path).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require(
  require.resolve('js-yaml', { paths: [require.resolve('@nestjs/swagger')] }),
) as typeof JsYaml;

// The Compose Specification's own JSON schema (what `docker compose config` validates against):
// compose-spec/compose-spec, schema/compose-spec.json at commit 170098ba (Apache-2.0), checked
// with Ajv (draft-07), a dependency of ESLint (pinned in package.json), resolved through it.
const ajvEntry = require.resolve('ajv', { paths: [require.resolve('eslint')] });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ajv = require(ajvEntry) as new (o: object) => {
  addMetaSchema(schema: object, key: string): void;
  compile(
    schema: object,
  ): ((data: unknown) => boolean) & { errors?: { dataPath: string; message: string }[] | null };
};

type Env = Record<string, string>;
interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string | number | boolean | null>;
  depends_on?: string[] | Record<string, { condition: string }>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
}
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

/** Compose's YAML: 1.2 core schema with merge keys (`<<: *app-env`), as Compose reads it. */
const compose = yaml.load(readFileSync(join(DOCKER, 'compose.yaml'), 'utf8'), {
  schema: yaml.CORE_SCHEMA.withTags(yaml.mergeTag),
}) as Compose;

/** docker/.env.example: what it sets, and every name it mentions (set or commented out). */
function envExample(): { set: Env; mentioned: Set<string> } {
  const set: Env = {};
  const mentioned = new Set<string>();
  for (const line of readFileSync(join(DOCKER, '.env.example'), 'utf8').split('\n')) {
    const m = /^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (!m) continue;
    mentioned.add(m[2]);
    if (!m[1]) set[m[2]] = m[3];
  }
  return { set, mentioned };
}

/**
 * Compose's variable substitution, the forms this file may use: ${X}, ${X:-default},
 * ${X-default}, ${X:?error}, ${X?error}, and $$ for a dollar. Any other form fails the test.
 */
const VARIABLE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$/g;
function interpolate(value: string, env: Env): string {
  return value.replace(VARIABLE, (whole, name: string | undefined, op: string | undefined, arg: string) => {
    if (whole === '$$') return '$';
    if (!name) throw new Error(`unsupported substitution in "${value}"`);
    const v = env[name];
    const missing = op?.startsWith(':') ? !v : v === undefined;
    if (op?.endsWith('?') && missing) throw new Error(`${name}: ${arg}`);
    if (op?.endsWith('-') && missing) return arg;
    return v ?? '';
  });
}

/** Every ${NAME} in the file, with its operator ('', '-', ':-', '?', ':?'). */
function variablesUsed(): Map<string, string> {
  const text = readFileSync(join(DOCKER, 'compose.yaml'), 'utf8');
  return new Map([...text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?])?/g)].map((m) => [m[1], m[2] ?? '']));
}

/** A service's environment as its container gets it (the image's ENV under it), with `vars` substituted. */
function containerEnv(service: Service, vars: Env): Env {
  const env: Env = { ...dockerfile.env };
  for (const [k, v] of Object.entries(service.environment ?? {}))
    env[k] = v === null ? '' : interpolate(String(v), vars);
  return env;
}

/** The Dockerfile's instructions, continuation lines joined, per stage. */
const dockerfile = (() => {
  const text = readFileSync(join(DOCKER, 'Dockerfile'), 'utf8')
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ');
  const stages: { name: string; lines: [string, string][] }[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [, keyword, rest] = /^(\w+)\s+(.*)$/.exec(line)!;
    if (keyword.toUpperCase() === 'FROM')
      stages.push({ name: /\bAS\s+(\S+)/i.exec(rest)?.[1] ?? String(stages.length), lines: [] });
    stages[stages.length - 1].lines.push([keyword.toUpperCase(), rest]);
  }
  const runtime = stages[stages.length - 1];
  const all = (kw: string) => runtime.lines.filter(([k]) => k === kw).map(([, r]) => r);
  const env: Env = {};
  for (const r of all('ENV')) for (const m of r.matchAll(/([A-Z_][A-Z0-9_]*)=(\S+)/g)) env[m[1]] = m[2];
  return {
    stages,
    runtime,
    env,
    cmd: JSON.parse(all('CMD').pop()!) as string[],
    expose: all('EXPOSE').flatMap((r) => r.split(/\s+/).map(Number)),
    workdir: all('WORKDIR').pop()!,
  };
})();

/** The services that run the project's image (built here, or the same image by name). */
const appServices = Object.entries(compose.services).filter(
  ([, s]) => s.build || s.image === compose.services.api.image,
);

/** The start command of a service of the image, and the TypeScript source its script is built from. */
function entryOf(service: Service): { script: string; source: string } {
  const [node, script] = service.command ?? dockerfile.cmd;
  expect(node).toBe('node');
  return { script, source: join(ROOT, script.replace(/^dist\//, '').replace(/\.js$/, '.ts')) };
}

const tsOptions = ts.parseJsonConfigFileContent(
  ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile).config,
  ts.sys,
  ROOT,
).options;

/**
 * The environment variables a process reads: `process.env.NAME`, `env.NAME` and `env['NAME']` in
 * every project source file the compiler reaches from its entry. A name read only through a
 * computed key (env[k]) is not seen; the config modules read each setting by name.
 */
function envNamesReadFrom(entry: string): Set<string> {
  const program = ts.createProgram([entry], { ...tsOptions, noEmit: true, types: [] });
  const isEnv = (e: ts.Expression) =>
    (ts.isIdentifier(e) && e.text === 'env') ||
    (ts.isPropertyAccessExpression(e) &&
      e.name.text === 'env' &&
      ts.isIdentifier(e.expression) &&
      e.expression.text === 'process');
  const names = new Set<string>();
  for (const sf of program.getSourceFiles()) {
    if (sf.isDeclarationFile || !sf.fileName.startsWith(ROOT) || sf.fileName.includes('/node_modules/'))
      continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) && isEnv(node.expression)) names.add(node.name.text);
      if (
        ts.isElementAccessExpression(node) &&
        isEnv(node.expression) &&
        ts.isStringLiteral(node.argumentExpression)
      )
        names.add(node.argumentExpression.text);
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return new Set([...names].filter((n) => /^[A-Z][A-Z0-9_]*$/.test(n)));
}

/** Read by Node's libraries (Express, Nest), not by a config module of ours. */
const ECOSYSTEM = new Set(['NODE_ENV']);

/** The values a fresh install has: docker/.env.example copied to docker/.env as it is. */
const example = envExample();

describe('docker/compose.yaml and docker/Dockerfile', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'vufo-docker-'));

  beforeAll(async () => {
    // What the image's build stage runs: the server (once per run: test/support/build.ts), and the
    // web UI, which `npm test` has built before.
    await buildOnce('build:server');
    if (!existsSync(join(ROOT, 'apps', 'web', 'dist')))
      execFileSync('npm', ['run', 'build:web', '--silent'], { cwd: ROOT, stdio: 'ignore' });
  }, 300_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('parses, and its services, dependencies, volumes and build file hang together', () => {
    const names = Object.keys(compose.services);
    expect(names).toEqual(
      expect.arrayContaining(['postgres', 'temporal-db', 'temporal', 'temporal-ui', 'api', 'worker']),
    );
    for (const [name, s] of Object.entries(compose.services)) {
      expect([name, Boolean(s.image || s.build)]).toEqual([name, true]);
      const deps = Array.isArray(s.depends_on) ? s.depends_on : Object.keys(s.depends_on ?? {});
      for (const d of deps) expect([name, d, names.includes(d)]).toEqual([name, d, true]);
      for (const v of s.volumes ?? []) {
        const source = v.split(':')[0];
        if (!source.startsWith('.') && !source.startsWith('/'))
          expect([name, source, source in (compose.volumes ?? {})]).toEqual([name, source, true]);
      }
    }
    const { build } = compose.services.api;
    expect(existsSync(join(DOCKER, build!.context, build!.dockerfile))).toBe(true);
    expect(resolve(DOCKER, build!.context)).toBe(ROOT);
    // The worker runs the image the API service builds.
    expect(compose.services.worker.image).toBe(compose.services.api.image);
    expect(appServices.map(([n]) => n).sort()).toEqual(['api', 'worker']);
  });

  it("is valid against the Compose Specification's schema, after substitution", () => {
    const ajv = new Ajv({ allErrors: true });
    // The schema names its meta-schema by https URL; Ajv knows draft-07 by its http one.
    ajv.addMetaSchema(
      JSON.parse(readFileSync(join(dirname(ajvEntry), 'refs', 'json-schema-draft-07.json'), 'utf8')),
      'https://json-schema.org/draft-07/schema',
    );
    const validate = ajv.compile(JSON.parse(readFileSync(join(__dirname, 'compose-spec.json'), 'utf8')));
    const substituted = yaml.load(
      interpolate(readFileSync(join(DOCKER, 'compose.yaml'), 'utf8'), example.set),
      {
        schema: yaml.CORE_SCHEMA.withTags(yaml.mergeTag),
      },
    );
    const ok = validate(substituted);
    expect(validate.errors?.map((e) => `${e.dataPath} ${e.message}`) ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('uses only supported ${VARIABLE} forms; docker/.env.example sets every required one and names the others', () => {
    const used = variablesUsed();
    const required = [...used].filter(([, op]) => op.endsWith('?')).map(([n]) => n);
    expect(required.length).toBeGreaterThan(0);
    for (const n of required) expect([n, n in example.set]).toEqual([n, true]);
    for (const n of used.keys()) expect([n, example.mentioned.has(n)]).toEqual([n, true]);
    // Every value substitutes without error on the example's values.
    expect(() => interpolate(readFileSync(join(DOCKER, 'compose.yaml'), 'utf8'), example.set)).not.toThrow();
  });

  it("the image's start commands, what the Dockerfile runs and copies, exist after the build", () => {
    for (const [name, s] of appServices) {
      const { script, source } = entryOf(s);
      expect([name, script, existsSync(join(ROOT, script))]).toEqual([name, script, true]);
      expect([name, source, existsSync(source)]).toEqual([name, source, true]);
    }
    const build = dockerfile.stages.find((st) => st.name === 'build')!;
    const run = build.lines
      .filter(([k]) => k === 'RUN')
      .map(([, r]) => r)
      .join(' && ');
    // The scripts it runs are package.json's.
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Env })
      .scripts;
    for (const m of run.matchAll(/npm run (\S+)/g)) expect([m[1], m[1] in scripts]).toEqual([m[1], true]);
    // The prebuilt workflow bundle: built by the step the Dockerfile runs, where WORKFLOW_BUNDLE says.
    const bundleStep = /node (dist\/\S+\.js) (\S+)/.exec(run)!;
    expect(existsSync(join(ROOT, bundleStep[1]))).toBe(true);
    expect(dockerfile.env.WORKFLOW_BUNDLE).toBe(join(dockerfile.workdir, bundleStep[2]));
    const out = join(tmp, 'workflow-bundle.js');
    execFileSync(process.execPath, [bundleStep[1], out], { cwd: ROOT, stdio: 'ignore' });
    expect(statSync(out).size).toBeGreaterThan(100_000);
    // The runtime stage copies from the build stage's /app: each source exists here after the build.
    for (const [, r] of dockerfile.runtime.lines.filter(([k]) => k === 'COPY')) {
      const paths = r.split(/\s+/).filter((p) => !p.startsWith('--'));
      for (const src of paths.slice(0, -1)) {
        const local = join(ROOT, src.replace(/^\/app\/?/, ''));
        expect([src, existsSync(local)]).toEqual([src, true]);
      }
    }
  }, 120_000);

  it('each app service sets only variables its code reads, and its code accepts them', () => {
    const reads = new Map(appServices.map(([name, s]) => [name, envNamesReadFrom(entryOf(s).source)]));
    // The config modules are reached, so the scan sees what they read.
    expect([...reads.get('api')!]).toEqual(
      expect.arrayContaining(['APPROVAL_ENGINE', 'TEMPORAL_ADDRESS', 'JWT_SECRET']),
    );
    expect([...reads.get('worker')!]).toEqual(
      expect.arrayContaining(['TEMPORAL_ADDRESS', 'DATABASE_URL', 'WORKER_HEALTH_PORT']),
    );
    for (const [name, s] of appServices) {
      const unread = Object.keys(s.environment ?? {}).filter(
        (k) => !reads.get(name)!.has(k) && !ECOSYSTEM.has(k),
      );
      expect([name, unread]).toEqual([name, []]);
    }
    // The image's ENV serves one of the commands at least.
    for (const k of Object.keys(dockerfile.env))
      expect([k, ECOSYSTEM.has(k) || [...reads.values()].some((r) => r.has(k))]).toEqual([k, true]);

    // The code takes the values a fresh install gives it, and they mean what compose means.
    const api = loadConfig(containerEnv(compose.services.api, example.set));
    expect(api).toMatchObject({ production: true, approvalEngine: 'temporal', seedDemo: false });
    const worker = loadWorkerConfig(containerEnv(compose.services.worker, example.set));
    expect(worker.workflowBundle).toBe(dockerfile.env.WORKFLOW_BUNDLE);

    // A variable left empty (`${X:-}`) means the same to the code as one not set.
    for (const [name, s] of appServices)
      for (const [k, v] of Object.entries(s.environment ?? {})) {
        if (!/\$\{[A-Z0-9_]+:-\}/.test(String(v))) continue;
        const env = containerEnv(s, example.set);
        const load = name === 'api' ? loadConfig : loadWorkerConfig;
        const { [k]: _, ...without } = env;
        expect([name, k, load({ ...env, [k]: '' })]).toEqual([name, k, load(without)]);
      }
  }, 60_000);

  it('the API and the worker meet on one database and one Temporal server; ports agree with health checks', () => {
    const api = loadConfig(containerEnv(compose.services.api, example.set));
    const worker = loadWorkerConfig(containerEnv(compose.services.worker, example.set));
    expect(api.databaseUrl).toBe(worker.databaseUrl);
    expect([api.temporalAddress, api.temporalNamespace, api.temporalTaskQueue]).toEqual([
      worker.temporalAddress,
      worker.temporalNamespace,
      worker.temporalTaskQueue,
    ]);

    const pg = containerEnv(compose.services.postgres, example.set);
    const db = new URL(api.databaseUrl!);
    expect([
      db.hostname,
      db.port,
      decodeURIComponent(db.username),
      decodeURIComponent(db.password),
      db.pathname,
    ]).toEqual(['postgres', '5432', pg.POSTGRES_USER, pg.POSTGRES_PASSWORD, `/${pg.POSTGRES_DB}`]);
    const temporal = containerEnv(compose.services.temporal, example.set);
    expect(api.temporalAddress).toBe('temporal:7233');
    expect(temporal.DEFAULT_NAMESPACE).toBe(api.temporalNamespace);
    expect(containerEnv(compose.services['temporal-ui'], example.set).TEMPORAL_ADDRESS).toBe(
      api.temporalAddress,
    );
    expect(temporal.POSTGRES_SEEDS).toBe('temporal-db');

    // Where the code listens is where compose publishes, probes and the image exposes.
    const published = compose.services.api.ports!.map((p) =>
      Number(interpolate(p, example.set).split(':').pop()),
    );
    expect(published).toEqual([api.port]);
    expect(compose.services.api.healthcheck!.test.join(' ')).toContain(`127.0.0.1:${api.port}/api/health`);
    expect(compose.services.worker.healthcheck!.test.join(' ')).toContain(
      `127.0.0.1:${worker.healthPort}/health`,
    );
    expect(dockerfile.expose).toEqual(expect.arrayContaining([api.port, worker.healthPort]));
    // Docker waits longer than the worker's drain before it kills the container.
    const grace = Number(/^(\d+)s$/.exec(compose.services.worker.stop_grace_period!)![1]) * 1000;
    expect(grace).toBeGreaterThan(worker.shutdownGraceMs);
  });

  it('.dockerignore keeps out of the build context everything git ignores (dependencies, builds, data, secrets)', () => {
    const lines = (file: string) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => l.replace(/^\/|\/$/g, ''));
    const ignored = new Set(lines('.dockerignore'));
    // A .gitignore pattern without an inner slash matches at any depth; in .dockerignore that is **/.
    for (const p of lines('.gitignore')) {
      const expected = p.includes('/') ? p : `**/${p}`;
      expect([p, ignored.has(expected)]).toEqual([p, true]);
    }
    expect(ignored.has('docker/.env')).toBe(true);
    expect(ignored.has('.git')).toBe(true);
  });
});
