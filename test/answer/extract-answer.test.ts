import { describe, expect, it } from 'vitest';
import { agentSpans, dateSpans, extractAnswer, numberSpans, organisationSpans, peopleNames, personSpans, placeScale, placeSpans, typedSpans } from '../../src/answer/extract-answer.js';
import { tokenize } from '../../src/answer/evidence-units.js';
import { lexicalKnowledge } from '../../src/lexicon/lexical-knowledge.js';

const texts = (spans: Array<{ text: string }>) => spans.map((s) => s.text);

describe('typed answer spans', () => {
  it('reads numbers with grouping spaces, decimals, scale words and number words', () => {
    const spans = numberSpans('Il raccorde 84 000 foyers, 1,2 million de personnes et six pays.');
    expect(spans.map((s) => [s.text, s.value])).toEqual([['84 000', 84000], ['1,2 million', 1.2], ['six', 6]]);
    expect(numberSpans('It reached 25,000 households.')[0]!.value).toBe(25000);
  });

  it('gives a count with the noun it counts, and leaves day numbers and years out', () => {
    expect(texts(typedSpans('Le 4 juin 2022, 450 délégués venus de 23 pays ont pris part.', 'number'))).toEqual(['450 délégués', '23 pays']);
  });

  it('finds full dates in both languages, a range of days, a month with its year and a bare year', () => {
    expect(texts(dateSpans('Genève, le 12 mars 2021 – lancé en 1987.'))).toEqual(['12 mars 2021', '1987']);
    expect(texts(dateSpans('NAIROBI, 4 June 2022 — starting in January 2023.'))).toEqual(['4 June 2022', 'January 2023']);
    expect(texts(dateSpans('Le forum s’est tenu les 3 et 4 juin 2022 à Kisumu.'))).toEqual(['3 et 4 juin 2022']);
  });

  it('finds a month without its year after a preposition of time, and not the English verb "may"', () => {
    const mai = dateSpans('Les premiers chantiers débuteront en mai dans trois pays.');
    expect(texts(mai)).toEqual(['mai']);
    expect(mai[0]!.date).toEqual({ year: NaN, month: 5 });
    expect(texts(dateSpans('Works start in May; in may cases they slip.'))).toEqual(['May']);
  });

  it('does not take a relative word such as "hier" for a date', () => {
    expect(dateSpans('Le gouvernement a signé, hier, un accord.')).toEqual([]);
  });

  it('finds people with their title, and not an office written with capitals', () => {
    const isCommon = (w: string) => ['premier', 'ministre', 'directeur', 'general'].includes(w);
    expect(texts(personSpans('a déclaré Mme Hélène Marchetti, directrice générale.', isCommon))).toEqual(['Mme Hélène Marchetti']);
    expect(texts(personSpans('a déclaré le Premier Ministre Directeur Général.', isCommon))).toEqual([]);
    expect(texts(personSpans('said Dr. Miriam W. Kamau, Deputy Director-General.'))).toContain('Dr. Miriam W. Kamau');
  });

  it('finds a name that opens the sentence, given a dictionary that tells it from capitalised common words', () => {
    const isCommon = (w: string) => ['nouvelles', 'mesures'].includes(w);
    expect(texts(personSpans('Koffi Mensah a annoncé deux stations.', isCommon))).toEqual(['Koffi Mensah']);
    expect(texts(personSpans('Nouvelles Mesures pour les lagunes.', isCommon))).toEqual([]);
    // Without a dictionary the two cannot be told apart: neither is taken.
    expect(texts(personSpans('Koffi Mensah a annoncé deux stations.'))).toEqual([]);
  });

  it('finds a name after the capitalised article that opens the sentence before its title', () => {
    expect(texts(personSpans('Le Dr Koffi Amégan présidera le comité.'))).toEqual(['Dr Koffi Amégan']);
    expect(texts(personSpans('La Mme Awa Diallo dont parlait le rapport a démissionné.'))).toEqual(['Mme Awa Diallo']);
  });

  it('ends a name at the full stop that ends its sentence', () => {
    expect(texts(personSpans('Le réseau était représenté par Mme Anne Kessler. Parmi les invités, M. Paul Dervaux.'))).toEqual(['Mme Anne Kessler', 'M. Paul Dervaux']);
  });

  it('reads a capitalised particle inside a family name as part of the name', () => {
    expect(texts(personSpans('a affirmé Marieke Van Dam, porte-parole, et Luc De Smet.'))).toEqual(['Marieke Van Dam', 'Luc De Smet']);
  });

  it('answers who with the name rather than the capitalised office in apposition to it', () => {
    const text = 'Luc De Smet, Premier Ministre de la Santé, a annoncé le plan.';
    const dictionary = (w: string) => ['premier', 'ministre', 'sante', 'luc'].includes(w);
    const anchors = { focus: [], others: tokenize(text).filter((t) => t.word === 'annonce') };
    expect(extractAnswer({ start: 0, text }, 'person', anchors, new Set(), { common: () => false, dictionary })?.text).toBe('Luc De Smet');
  });

  it('leaves out a name the question states, with or without its courtesy title', () => {
    const text = 'Le ministre a reçu Mme Anne Kessler, présidente du réseau, et M. Paul Dervaux.';
    const anchors = { focus: [], others: tokenize(text).filter((t) => t.word === 'recu') };
    expect(extractAnswer({ start: 0, text }, 'person', anchors, new Set(['anne', 'kessler']))?.text).toBe('M. Paul Dervaux');
  });

  it('cuts a body\'s name at a lower-case word that is no function word or particle', () => {
    expect(texts(organisationSpans('In 2020, Director General Koffi Mensah met Water Board Chair Ana Luc.'))).toEqual(['Director General Koffi Mensah', 'Water Board Chair Ana Luc']);
    expect(texts(organisationSpans('In 2020, the Fund for Water and Sanitation met the Willem van Oranje Trust.'))).toEqual(['Fund for Water and Sanitation', 'Willem van Oranje Trust']);
  });

  it('gives the people\'s names of a text for a translator to keep, not the capitalised offices beside them', () => {
    const knowledge = lexicalKnowledge({ translate: (w) => (['premier', 'ministre', 'sante'].includes(w) ? ['x'] : []) });
    expect(texts(peopleNames('« Le plan avance », a déclaré Luc De Smet, Premier Ministre de la Santé.', knowledge))).toEqual(['Luc De Smet']);
  });

  it('does not take a name defined by an acronym for a person', () => {
    expect(texts(personSpans('The International Water and Sanitation Network (IWSN) met Ms. Joy Sandy.'))).toEqual(['Ms. Joy Sandy']);
  });

  it('answers a count from the clause that states the question\'s other words when two counts name its noun', () => {
    const text = 'Depuis 2019, plus de 8 000 familles ont reçu un filtre, et 1 200 familles déplacées ont été relogées à Kisumu.';
    const tokens = tokenize(text);
    const anchors = { focus: tokens.filter((t) => t.word === 'familles'), others: tokens.filter((t) => t.word === 'relogees' || t.word === 'kisumu') };
    expect(extractAnswer({ start: 0, text }, 'number', anchors, new Set(['familles', 'relogees', 'kisumu']))?.text).toBe('1 200 familles');
  });

  it('finds places after a locative preposition and country names in either language', () => {
    expect(texts(placeSpans('Les chantiers débuteront à Madagascar, au Burkina Faso et au Laos.'))).toEqual(['Madagascar', 'Burkina Faso', 'Laos']);
  });

  it('finds the place after a capitalised preposition that opens a sentence or a contact line', () => {
    expect(texts(placeSpans('À Mombasa, le forum a ouvert ses portes.'))).toEqual(['Mombasa']);
    expect(texts(placeSpans('In Kisumu, the forum opened.'))).toEqual(['Kisumu']);
    expect(texts(placeSpans('A Pokhara: Mme Sita Rai, srai@example.org'))).toEqual(['Pokhara']);
    // An English "A" is an article.
    expect(texts(placeSpans('A Kenyan official spoke in Nairobi.'))).toEqual(['Nairobi']);
  });

  it('does not read a body that region data names (the United Nations) as a country', () => {
    expect(texts(placeSpans('Le réseau fait partie du système des Nations Unies depuis 2003.', 'country'))).toEqual([]);
  });

  it('takes no capitalised common noun after a preposition for a place', () => {
    const isCommon = (w: string) => ['etats', 'membres', 'conseil'].includes(w);
    const text = 'Le fonds apporte son soutien aux Etats membres et au Conseil, depuis son bureau à Pokhara.';
    expect(texts(placeSpans(text, null, isCommon))).toEqual(['Pokhara']);
    expect(texts(placeSpans(text))).toEqual(['Etats', 'Conseil', 'Pokhara']);
  });

  it('takes no place from a name that ends in "de X", and no town from a region after "en / aux"', () => {
    expect(texts(placeSpans('Le forum a salué le Réseau de Kisumu, réuni à Mombasa.'))).toEqual(['Mombasa']);
    expect(texts(placeSpans('Le forum s’est tenu à Mombasa, une ville portuaire en Afrique de l’Est.', placeScale('ville')))).toEqual(['Mombasa']);
  });

  it('answers "which city / quelle ville" with no country name, and "which country / quel pays" with countries only', () => {
    const text = 'Le fonds, lancé au Népal, a ouvert son bureau à Katmandou puis à Pokhara.';
    expect(texts(placeSpans(text, placeScale('city')))).toEqual(['Katmandou', 'Pokhara']);
    expect(texts(placeSpans(text, placeScale('ville')))).toEqual(['Katmandou', 'Pokhara']);
    expect(texts(placeSpans(text, placeScale('pays', 'Dans quel pays ?')))).toEqual(['Népal']);
    expect(texts(placeSpans(text, placeScale('country', 'Which country?')))).toEqual(['Népal']);
    // "Which countries" may be answered by a region: it asks for no scale.
    expect(texts(placeSpans(text, placeScale('pays', 'Quels pays ?')))).toEqual(['Népal', 'Katmandou', 'Pokhara']);
    expect(texts(placeSpans(text, placeScale('délégations')))).toEqual(['Népal', 'Katmandou', 'Pokhara']);
  });

  it('keeps an amount only with its currency and a share only with its percent sign', () => {
    expect(texts(typedSpans('partners committing USD 4.5 million to improve sanitation for 1.2 million residents', 'amount'))).toEqual(['USD 4.5 million']);
    expect(texts(typedSpans('un montant d’environ 1,88 milliard d’euros', 'amount'))).toEqual(['1,88 milliard d’euros']);
    expect(texts(typedSpans('Doté de 12,5 millions de francs suisses, le FCE', 'amount'))).toEqual(['12,5 millions de francs suisses']);
    expect(texts(typedSpans('35 % des foyers vivent à plus de deux kilomètres', 'percent'))).toEqual(['35 %']);
  });

  it('finds the agent of a passive verb up to its apposition or relative clause', () => {
    const text = 'Le salon a été organisé par la Chambre des métiers, qui fête ses cent ans, et inauguré par M. Jean Dulac.';
    const after = (word: string) => text.indexOf(word) + word.length;
    expect(texts(agentSpans(text, [after('organisé')]))).toEqual(['la Chambre des métiers']);
    expect(texts(agentSpans(text, [after('inauguré')]))).toEqual(['M. Jean Dulac']);
    expect(agentSpans(text, [after('salon')])).toEqual([]);
    const english = 'The fair was opened by the city council which owns the hall.';
    expect(texts(agentSpans(english, [english.indexOf(' by')]))).toEqual(['the city council']);
  });
});

describe('count leads', () => {
  it('writes the asker\'s noun after a number only when the number counts it', async () => {
    const { formatCount } = await import('../../src/answer/compose-answer.js');
    const analysis = { language: 'en', focusText: 'delegates' } as Parameters<typeof formatCount>[1];
    expect(formatCount({ start: 0, end: 12, text: '450 délégués', value: 450, countsFocus: true }, analysis, 'fr')).toBe('450 delegates');
    expect(formatCount({ start: 0, end: 12, text: 'six missions', value: 6 }, analysis, 'fr')).toBe('six missions');
  });

  it('writes the asker\'s noun without its adjectives, which the source may not state', async () => {
    const { formatCount } = await import('../../src/answer/compose-answer.js');
    const phrase = { language: 'en', focusText: 'African countries' } as Parameters<typeof formatCount>[1];
    expect(formatCount({ start: 0, end: 7, text: '34 pays', value: 34, countsFocus: true }, phrase, 'fr')).toBe('34 countries');
  });
});
