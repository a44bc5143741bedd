import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

/**
 * Where the Temporal CLI (and its development server) comes from, for the test set-up and for
 * `npm run start:temporal` alike. It lives here, not in test/ or an app, so both can import it
 * without the app side depending on test code.
 */

/** How to get the CLI, for the one-line errors of whoever needs it. */
export const GET_TEMPORAL_CLI =
  'get the Temporal CLI with `bash scripts/setup-temporal.sh` (or `brew install temporal`), or set TEMPORAL_CLI_PATH';

/** The folder holding package.json: the same from the sources (tests) and from dist/ (npm scripts). */
export function repositoryRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/**
 * The Temporal CLI: TEMPORAL_CLI_PATH, the project's tools folder (scripts/setup-temporal.sh puts
 * it in .tools/temporal/bin), or `temporal` on the PATH — in that order.
 */
export function findTemporalCli(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [
    env.TEMPORAL_CLI_PATH,
    join(repositoryRoot(), '.tools', 'temporal', 'bin', 'temporal'),
    ...(env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'temporal')),
  ];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path!));
}
