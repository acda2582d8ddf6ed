import { build } from 'esbuild';
import { cp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');

/** Where the compiled server goes; `npm start` runs `node dist/cli/serve-command.js`. */
export const distDir = resolve(root, 'dist');

/** Written last by {@link buildServer}; scripts/ensure-built.mjs compares source times against it. */
export const BUILD_STAMP = '.built';

/** Compiles the web pages' TypeScript (web/src) into one ES module per page: web/dist/app.js, web/dist/admin.js. */
export async function buildWeb(): Promise<void> {
  await build({
    entryPoints: [resolve(root, 'web/src/app.ts'), resolve(root, 'web/src/admin.ts')],
    outdir: resolve(root, 'web/dist'),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
  });
}

/** The files of src/: TypeScript modules to compile, and data files (JSON) that modules import, to copy. */
async function serverSources(dir: string): Promise<{ modules: string[]; data: string[] }> {
  const modules: string[] = [];
  const data: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.endsWith('.d.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    // The worker entry is bundled by wrangler (it imports the prompt as a text module), not run by Node.
    if (relative(dir, path) === 'worker.ts') continue;
    if (entry.name.endsWith('.ts')) modules.push(path);
    else if (entry.name.endsWith('.json')) data.push(path);
  }
  return { modules, data };
}

/**
 * Compiles src/ to plain ES modules in dist/ (one file per module, same layout, so paths such as
 * `../../web` resolve as from src/). Type checking is `npm run typecheck`'s job; this only strips types.
 * Written to a fresh folder, then swapped in, so a failed build leaves the previous dist/ in place.
 */
export async function buildServer(): Promise<void> {
  const staging = `${distDir}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const src = resolve(root, 'src');
  const { modules, data } = await serverSources(src);
  try {
    await build({
      entryPoints: modules,
      outdir: staging,
      outbase: src,
      bundle: false,
      platform: 'node',
      format: 'esm',
      target: 'node20.19',
      sourcemap: false,
      logLevel: 'warning',
    });
    for (const file of data) await cp(file, join(staging, relative(src, file)));
    await writeFile(join(staging, BUILD_STAMP), `${new Date().toISOString()}\n`);
    await rm(distDir, { recursive: true, force: true });
    await rename(staging, distDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { web: { type: 'boolean', default: false }, server: { type: 'boolean', default: false } } });
  const all = !values.web && !values.server;
  if (all || values.web) await buildWeb();
  if (all || values.server) await buildServer();
}
