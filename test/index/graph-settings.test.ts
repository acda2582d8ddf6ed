import { describe, expect, it } from 'vitest';
import { chooseGraphSettings, graphPolicy } from '../../src/index/graph-settings.js';

const hash = { provider: 'hash', model: 'hash-v4', dimension: 512 } as const;

describe('chooseGraphSettings', () => {
  it('builds a 100k-chunk hash index as one centred graph even with two build threads', () => {
    const settings = chooseGraphSettings(hash, 100_000, 2);
    expect(settings).toMatchObject({ shards: 1, center: true, m: graphPolicy.hash.m, ef: graphPolicy.hash.ef });
  });

  it('gives each build thread a shard once the chunks outgrow one shard', () => {
    expect(chooseGraphSettings(hash, graphPolicy.chunksPerShard + 1, 2).shards).toBe(2);
    expect(chooseGraphSettings(hash, 3 * graphPolicy.chunksPerShard, 2).shards).toBe(2);
    expect(chooseGraphSettings(hash, 3 * graphPolicy.chunksPerShard, 1).shards).toBe(1);
  });

  it('leaves a small hash index uncentred and lets an override win', () => {
    expect(chooseGraphSettings(hash, graphPolicy.centerFrom - 1, 2).center).toBe(false);
    expect(chooseGraphSettings(hash, 100_000, 2, { shards: 2, ef: 64 })).toMatchObject({ shards: 2, ef: 64 });
  });
});
