import { describe, expect, it } from 'vitest';
import { compareDates, comparisonOf } from '../../src/answer/compare-question.js';

describe('comparisonOf', () => {
  it('reads the two things an English "which came first" question compares, and asks when each was', () => {
    expect(comparisonOf('Which came first: the Kisumu sanitation forum, or the launch of the water fund?', 'en')).toEqual({
      items: ['the Kisumu sanitation forum', 'the launch of the water fund'],
      parts: ['When: the Kisumu sanitation forum?', 'When: the launch of the water fund?'],
    });
  });

  it('reads a French comparison of precedence and drops a second sentence after the question', () => {
    expect(comparisonOf('Lequel est le plus ancien : le fonds pour l’eau ou le forum de Kisumu ? Donnez les années.', 'fr')?.items).toEqual(['le fonds pour l’eau', 'le forum de Kisumu']);
    expect(comparisonOf('Quel événement a eu lieu en premier, le forum de Kisumu ou l’appel pour l’ouragan ?', 'fr')?.parts).toEqual(['Quand : le forum de Kisumu ?', 'Quand : l’appel pour l’ouragan ?']);
  });

  it('leaves questions that compare nothing, or no two named things, to the other stages', () => {
    expect(comparisonOf('Which organisation was the first to sign the charter?', 'en')).toBeNull();
    expect(comparisonOf('When was the forum held, and who chaired it?', 'en')).toBeNull();
    expect(comparisonOf('Which came first, A or B?', 'en')).toBeNull();
  });
});

describe('compareDates', () => {
  it('orders dates by their known parts and gives no order when those parts are equal', () => {
    expect(compareDates({ year: 2018, month: 11, day: 28 }, { year: 2019, month: 10 })).toBe(-1);
    expect(compareDates({ year: 2020, month: 10, day: 13 }, { year: 2020, month: 3 })).toBe(1);
    expect(compareDates({ year: 2020 }, { year: 2020, month: 3 })).toBe(0);
    expect(compareDates({ year: Number.NaN, month: 4 }, { year: 2020 })).toBe(0);
  });
});
