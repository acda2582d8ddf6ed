// Runs before `npm start`: rebuilds dist/ and web/dist/ (`npm run build`) when they are missing or older than any
// source they come from, so a fresh clone or a `git pull` still starts with one command.
// Plain JavaScript on purpose: it runs at every start, and loading a TypeScript runner would cost about a second.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const stamp = join(root, 'dist/.built');
const inputs = ['src', 'web/src', 'scripts/build.ts'].map((p) => join(root, p));
const outputs = [stamp, join(root, 'web/dist/app.js')];

function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

function built(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -Infinity;
  }
}

const sourcesTime = Math.max(...inputs.map(newest));
if (outputs.some((output) => built(output) < sourcesTime)) {
  console.log('Compiling the server and the chat page (npm run build)');
  const result = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
