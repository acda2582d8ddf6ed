import { describe, expect, it } from 'vitest';
import { createGlossary, findGlossaryTerms } from '../../src/lexicon/glossary.js';

// An invented body, so that nothing depends on the bundled glossary's entries.
const glossary = createGlossary([
  { kind: 'organisation', en: ['International Water and Sanitation Network', 'IWSN'], fr: ["Réseau international pour l'eau et l'assainissement", 'RIEA'], source: 'test' },
  { kind: 'organisation', en: ['Water Office', 'WO'], fr: ["Office de l'eau", 'OE'], source: 'test' },
]);
const found = (text: string) => findGlossaryTerms(glossary, text).map((m) => m.variant);

describe('glossary terms in a text', () => {
  it('finds an acronym written in capitals, or typed in lower case when it has three letters or more', () => {
    expect(found('Who leads the IWSN?')).toEqual(['IWSN']);
    expect(found('who leads the iwsn in geneva?')).toEqual(['IWSN']);
    expect(found('Qui dirige le riea ?')).toEqual(['RIEA']);
  });

  it('does not take a short lower-case word for an acronym', () => {
    expect(found('we go to the office')).toEqual([]);
    expect(found('Where is the WO?')).toEqual(['WO']);
  });
});
