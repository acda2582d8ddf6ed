import { describe, expect, it } from 'vitest';
import { perText } from '../../src/text/per-text.js';

describe('perText', () => {
  it('computes a text once and answers it from memory after', () => {
    const read: string[] = [];
    const length = perText((text) => (read.push(text), text.length), 10);
    expect([length('puits'), length('puits'), length('well')]).toEqual([5, 5, 4]);
    expect(read).toEqual(['puits', 'well']);
  });

  it('forgets every text once it holds as many as it may', () => {
    const read: string[] = [];
    const upper = perText((text) => (read.push(text), text.toUpperCase()), 2);
    for (const text of ['a', 'b', 'c', 'a']) upper(text);
    expect(read).toEqual(['a', 'b', 'c', 'a']);
  });
});
