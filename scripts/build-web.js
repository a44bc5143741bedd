// Builds the browser UI when it exists; the API serves apps/web/dist on the same port.
const { existsSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

const web = join(__dirname, '..', 'apps', 'web');
if (existsSync(join(web, 'vite.config.ts')) || existsSync(join(web, 'vite.config.mjs'))) {
  execFileSync(process.execPath, [require.resolve('vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: web,
    stdio: 'inherit',
  });
}
