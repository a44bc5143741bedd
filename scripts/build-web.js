// Builds the browser UI when it exists; the API serves apps/web/dist on the same port.
const { existsSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const { dirname, join } = require('node:path');

const web = join(__dirname, '..', 'apps', 'web');
if (['vite.config.mts', 'vite.config.ts', 'vite.config.mjs'].some((f) => existsSync(join(web, f)))) {
  // vite's package "exports" hide bin/vite.js from require.resolve; find it beside package.json.
  const viteBin = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  execFileSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], {
    cwd: web,
    stdio: 'inherit',
  });
}
