/* eslint-disable no-console -- a build step */
import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { workflowsPath } from './workflows-path';

/**
 * Prebuilds the workflow bundle (`npm run build:workflows`), so a worker starts without webpack
 * and every worker of a release runs byte-identical workflow code.
 */
async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? join('workflows', 'bundle', 'workflow-bundle.js'));
  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsPath() });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, code);
  console.log(`workflow bundle: ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
