import { build } from 'esbuild';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** Compiles the chat page's TypeScript (web/src) into one ES module, web/dist/app.js. */
export async function buildWeb(): Promise<void> {
  await build({
    entryPoints: [resolve(root, 'web/src/app.ts')],
    outfile: resolve(root, 'web/dist/app.js'),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildWeb();
