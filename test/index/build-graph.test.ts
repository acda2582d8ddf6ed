import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/index/build-graph.js';
import { tempDir } from '../helpers/fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

/** Deterministic pseudo-random rows (float32), some with a large shared component as hash vectors have. */
function rows(count: number, dimension: number): Float32Array {
  const out = new Float32Array(count * dimension);
  let x = 12345;
  for (let i = 0; i < out.length; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out[i] = (x / 2 ** 31 - 0.5) / 7 + (i % dimension < 8 ? 0.3 : 0);
  }
  return out;
}

describe('buildGraph', () => {
  it('writes the same graph from shared rows minus the centre as from a centred copy of the rows', async () => {
    const dimension = 32;
    const matrix = rows(300, dimension);
    const center = rows(1, dimension).map((v) => v / 3);
    const settings = { m: 8, efConstruction: 40 };
    // A shard of rows 100–299 of the matrix, centred while inserted…
    const inPlace = await buildGraph({ matrix, dimension, firstLabel: 100, count: 200, center, settings, path: join(dir, 'in-place.bin') });
    // …and the same rows centred into a float32 copy first (what builds did before), at the same labels.
    const copy = new Float32Array(matrix);
    for (let i = 100 * dimension; i < copy.length; i++) copy[i]! -= center[i % dimension]!;
    const copied = await buildGraph({ matrix: copy, dimension, firstLabel: 100, count: 200, center: null, settings, path: join(dir, 'copied.bin') });
    expect(inPlace.sha256).toBe(copied.sha256);
    expect((await readFile(join(dir, 'in-place.bin'))).equals(await readFile(join(dir, 'copied.bin')))).toBe(true);
    // The shard holds its rows only, labelled by row.
    const other = await buildGraph({ matrix: copy, dimension, firstLabel: 0, count: 200, center: null, settings, path: join(dir, 'other.bin') });
    expect(other.sha256).not.toBe(copied.sha256);
  });
});
