// Preloaded into a CLI process (`node --import ./fs-steps.mjs dist/cli/…`) to stop it at a chosen point: every call
// of node:fs/promises on a path inside FS_STEPS_DIR is a numbered step; FS_STEPS_TRACE=1 prints each step to stderr,
// FS_STEPS_KILL_AT=n kills the process with SIGKILL just before step n. Plain JavaScript: it runs in plain node
// next to the compiled CLI, before any TypeScript loader could.
import fs from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { resolve, sep } from 'node:path';

const dir = resolve(process.env.FS_STEPS_DIR ?? '/nonexistent');
const killAt = Number(process.env.FS_STEPS_KILL_AT ?? 0);
const trace = process.env.FS_STEPS_TRACE === '1';
let step = 0;

for (const name of ['open', 'mkdir', 'readFile', 'writeFile', 'rename', 'rm', 'unlink', 'readdir', 'stat']) {
  const original = fs[name];
  fs[name] = function (path, ...rest) {
    const target = resolve(String(path));
    if (target === dir || target.startsWith(dir + sep)) {
      step += 1;
      if (trace) process.stderr.write(`fs-step ${step} ${name} ${target.slice(dir.length + 1)}\n`);
      if (step === killAt) process.kill(process.pid, 'SIGKILL');
    }
    return original.call(this, path, ...rest);
  };
}
syncBuiltinESMExports();
