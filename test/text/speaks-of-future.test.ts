import { describe, expect, it } from 'vitest';
import { speaksOfFuture } from '../../src/text/speaks-of-future.js';

describe('speaksOfFuture', () => {
  it('reads future tenses, future markers and intentions in English and French', () => {
    for (const text of ['Which city will host the next forum?', 'Qui présidera le forum ?', 'Combien de pays participeront ?', 'The upcoming summit', 'le prochain sommet', 'le fonds a l’intention de financer trois puits']) {
      expect(speaksOfFuture(text), text).toBe(true);
    }
  });

  it('does not read a name that ends like a French future as a verb, but reads a capitalised verb that opens a question', () => {
    expect(speaksOfFuture('Qu’a déclaré Laura Thompson au forum ?')).toBe(false);
    expect(speaksOfFuture('What did Sandra Petrovic say in Kisumu?')).toBe(false);
    expect(speaksOfFuture('Présidera-t-elle le forum ?')).toBe(true);
  });

  it('does not read past or present sentences as about the future', () => {
    for (const text of ['Where was the forum held?', 'Le forum s’est tenu à Mombasa les 3 et 4 mai.', 'Le Sahara avance chaque année.', 'The network works in 12 countries.', 'Énumérez les domaines de la coopération.']) {
      expect(speaksOfFuture(text), text).toBe(false);
    }
  });
});
