import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCommonSense } from '../../src/lexicon/lexical-knowledge.js';
import type { Runtime } from '../../src/runtime/node-runtime.js';
import { corpusBDir, seedsRuntime } from '../helpers/seeds-runtime.js';

let runtime: Runtime;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ runtime, cleanup } = await seedsRuntime({}, corpusBDir)));
afterAll(async () => cleanup());

describe('common senses of words', () => {
  it('tells a noun with a lower-case translation from a town whose translations are names', () => {
    expect(hasCommonSense(runtime.knowledge, 'etats')).toBe(true);
    expect(hasCommonSense(runtime.knowledge, 'conseil')).toBe(true);
    expect(hasCommonSense(runtime.knowledge, 'geneve')).toBe(false);
    expect(hasCommonSense(runtime.knowledge, 'katmandou')).toBe(false);
  });
});
