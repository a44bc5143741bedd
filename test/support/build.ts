import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { stateFile } from './global-setup';

const ROOT = resolve(__dirname, '..', '..');

/**
 * Runs an npm build script (`build:server`, `build:launcher`) once per test run, however many test
 * files ask for it and however many run at once. swc rewrites dist/ in place: a second build while
 * another file's child process loads its modules from dist/ could hand it a half-written one.
 * The run's own folder (beside its state file) holds the marks, so every run builds afresh.
 */
export async function buildOnce(script: string): Promise<void> {
  const done = join(dirname(stateFile()), `built-${script.replace(/\W/g, '_')}`);
  const lock = `${done}.lock`;
  const deadline = Date.now() + 300_000;
  while (!existsSync(done)) {
    let fd: number | undefined;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      // Another test file is building it: wait for its mark.
    }
    if (fd !== undefined) {
      try {
        execFileSync('npm', ['run', script, '--silent'], { cwd: ROOT, stdio: 'ignore' });
        writeFileSync(done, '');
      } finally {
        closeSync(fd);
        rmSync(lock, { force: true });
      }
      return;
    }
    if (Date.now() > deadline) throw new Error(`npm run ${script}: another test file's build did not finish`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
