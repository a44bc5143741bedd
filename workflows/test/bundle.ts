/**
 * Workflow bundles, built once per test process with the bundler the worker uses. The production
 * bundle is also written to workflows/bundle/ (git-ignored), so building it is part of `npm test`;
 * the test bundle adds the recording interceptor.
 */
import { bundleWorkflowCode, WorkflowBundleWithSourceMap } from '@temporalio/worker';
// eslint-disable-next-line no-restricted-imports -- test support writes the bundle; workflow code stays pure
import { mkdirSync, writeFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports -- as above
import { join } from 'node:path';

const cache = new Map<string, Promise<WorkflowBundleWithSourceMap>>();

const noop = () => undefined;
const quietLogger = { log: noop, trace: noop, debug: noop, info: noop, warn: noop, error: console.error };

/** A deliberate source change, applied by change-loader.js before compilation. */
export interface SourceChange {
  file: RegExp;
  edits: { from: string; to: string }[];
}

function bundle(
  workflowsPath: string,
  interceptors: string[],
  change?: SourceChange,
): Promise<WorkflowBundleWithSourceMap> {
  const key = `${workflowsPath}|${interceptors.join(',')}|${JSON.stringify(change?.edits ?? [])}`;
  let built = cache.get(key);
  if (!built) {
    built = bundleWorkflowCode({
      workflowsPath,
      workflowInterceptorModules: interceptors,
      logger: quietLogger,
      webpackConfigHook: change
        ? (config) => {
            config.module?.rules?.push({
              test: change.file,
              enforce: 'pre',
              use: [{ loader: require.resolve('./change-loader.js'), options: { edits: change.edits } }],
            });
            return config;
          }
        : undefined,
    });
    cache.set(key, built);
  }
  return built;
}

/** The workflows with one deliberate change: what a careless deploy would ship. */
export function changedBundle(change: SourceChange): Promise<WorkflowBundleWithSourceMap> {
  return bundle(require.resolve('../index'), [], change);
}

/** The bundle the worker ships (also written to workflows/bundle/workflow-bundle.js). */
export async function productionBundle(): Promise<WorkflowBundleWithSourceMap> {
  const b = await bundle(require.resolve('../index'), []);
  const dir = join(__dirname, '..', 'bundle');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'workflow-bundle.js'), b.code);
  return b;
}

/** The same workflows plus the recording interceptor. */
export function recordingBundle(
  workflowsPath = require.resolve('../index'),
): Promise<WorkflowBundleWithSourceMap> {
  return bundle(workflowsPath, [require.resolve('./recording-interceptors')]);
}
