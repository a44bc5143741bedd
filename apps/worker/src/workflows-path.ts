/**
 * The workflows' entry, for the bundler: a file to bundle, not an import (the Temporal bundler
 * reads no tsconfig aliases, so it follows workflows/'s own relative imports from here). Resolved
 * beside this file, so it works from the sources (ts) and from dist/ alike.
 */
export function workflowsPath(): string {
  return require.resolve('../../../workflows');
}
