import { describe, expect, it } from 'vitest';
import { isCommonWord, lexicalKnowledge } from '../../src/lexicon/lexical-knowledge.js';
import { extractDetails, negations } from '../../src/verify/claim-details.js';

const knowledge = lexicalKnowledge();
const detailsOf = (text: string) => extractDetails(text, (w) => isCommonWord(knowledge, w), knowledge.glossary);

describe('extractDetails', () => {
  it('reads a country that opens a claim as a place the evidence must state', () => {
    expect(detailsOf('Colombia hosts the largest number of Venezuelan refugees.')).toContainEqual(expect.objectContaining({ kind: 'place', text: 'Colombia', start: 0, end: 8 }));
  });

  it('reads a number written in several words as one number, with what it counts', () => {
    const numbers = (text: string) => detailsOf(text).filter((d) => d.kind === 'number').map((d) => [d.text, d.value]);
    expect(detailsOf('Deux cent cinquante familles ont été relogées.')).toContainEqual(expect.objectContaining({ kind: 'number', text: 'Deux cent cinquante', value: 250, counted: ['familles'] }));
    expect(numbers('One hundred and twenty teachers were trained, and six schools reopened.')).toEqual([['hundred and twenty', 120], ['six', 6]]);
    // Words that do not compose stay apart: "or" between them, or a larger one after a smaller.
    expect(numbers('Trois ou quatre puits, dix-huit forages et cinq vingt.')).toEqual([['Trois', 3], ['quatre', 4], ['dix-huit', 18], ['cinq', 5], ['vingt', 20]]);
  });

  it('leaves an English possessive out of a name', () => {
    expect(detailsOf("Hélène Marchetti's closing speech was given in Kisumu.")).toContainEqual(expect.objectContaining({ kind: 'person', text: 'Hélène Marchetti', start: 0, end: 16 }));
  });

  it('tells a place after a preposition of place from a place that is a subject', () => {
    const places = (text: string) => detailsOf(text).filter((d) => d.kind === 'place').map((d) => [d.text, d.locative]);
    expect(places('Kenya hosted the forum.')).toEqual([['Kenya', false]]);
    expect(places('The forum was held in Kenya.')).toEqual([['Kenya', true]]);
  });

  it('reads a place after a preposition of place and its article as a place where something happens, and the places listed after it', () => {
    const places = (text: string) => detailsOf(text).filter((d) => d.kind === 'place').map((d) => [d.text, d.locative]);
    expect(places('Les familles sont arrivées depuis la Guinée et le Togo.')).toEqual([['Guinée', true], ['Togo', true]]);
    expect(places("Les pêcheurs sont partis vers l'Ouganda.")).toEqual([['Ouganda', true]]);
  });

  it('reads a name after a preposition of place and an article or a noun of a geographic feature as a place where something happens', () => {
    const places = (text: string) => detailsOf(text).filter((d) => d.kind === 'place').map((d) => [d.text, d.locative]);
    expect(places('The boats were found in the Caspian after the storm.')).toEqual([['Caspian', true]]);
    expect(places('Les équipes ont foré des puits dans le désert du Kalahari.')).toEqual([['Kalahari', true]]);
    expect(places('Les pêcheurs travaillent en mer Baltique.')).toEqual([['Baltique', true]]);
  });

  it('tells a place whence from a place whither and a place where, and leaves a French "à" either', () => {
    const roles = (text: string) => detailsOf(text).filter((d) => d.kind === 'place').map((d) => [d.text, d.role]);
    expect(roles('Les familles sont arrivées depuis la Guinée et le Togo.')).toEqual([['Guinée', 'origin'], ['Togo', 'origin']]);
    expect(roles("Les pêcheurs sont partis vers l'Ouganda.")).toEqual([['Ouganda', 'destination']]);
    expect(roles('The pumps were stored in Kayes and shipped to Dakar.')).toEqual([['Kayes', 'location'], ['Dakar', 'destination']]);
    expect(roles('Le forum a eu lieu à Mopti.')).toEqual([['Mopti', undefined]]);
  });

  it('reads no body in a lower-case phrase that folds to a glossary name ("un système" is no "UN system")', () => {
    const bodies = (text: string) => detailsOf(text).filter((d) => d.kind === 'organisation').map((d) => d.text);
    expect(bodies("Le bureau veut offrir un système d'alerte plus résilient.")).toEqual([]);
    expect(bodies('The UN system will help.')).toEqual(['UN system']);
  });

  it('ends a capitalised name before a preposition of place ("Member States in Brussels")', () => {
    const common = (w: string) => ['member', 'states', 'joint', 'research', 'centre'].includes(w);
    const details = extractDetails('The office offered its support to Member States in Brussels.', common, knowledge.glossary);
    expect(details.filter((d) => d.kind === 'organisation')).toEqual([]);
    expect(details).toContainEqual(expect.objectContaining({ kind: 'place', text: 'Brussels', locative: true }));
    expect(extractDetails('The Joint Research Centre at Ispra opened.', common, knowledge.glossary).filter((d) => d.kind === 'organisation').map((d) => d.text)).toEqual(['Joint Research Centre']);
  });

  it('reads no body in capitalised words that a lower-case verb joins, but keeps the function words and particles inside a name', () => {
    const common = (w: string) => ['regional', 'director', 'clean', 'water', 'lake', 'towns', 'partnership', 'willem', 'van', 'oranje', 'trust'].includes(w);
    const bodies = (text: string) => extractDetails(text, common, knowledge.glossary).filter((d) => d.kind === 'organisation').map((d) => d.text);
    expect(bodies("The Regional Director met Kisumu's mayor on Monday.")).toEqual([]);
    expect(bodies('Funds came from the Clean Water for Lake Towns Partnership.')).toEqual(['Clean Water for Lake Towns Partnership']);
    expect(bodies('A grant came from the Willem van Oranje Trust.')).toEqual(['Willem van Oranje Trust']);
  });

  it('reads the places listed after a place where something happens as places there too', () => {
    const places = (text: string) => detailsOf(text).filter((d) => d.kind === 'place').map((d) => [d.text, d.locative]);
    expect(places('Blocks will be built in Kisumu, Mwanza and Kampala.')).toEqual([['Kisumu', true], ['Mwanza', true], ['Kampala', true]]);
    expect(places('Des blocs seront construits à Kisumu, Mwanza et Jinja, ainsi qu\'un service.')).toEqual([['Kisumu', true], ['Mwanza', true], ['Jinja', true]]);
  });

  it('reads the dictionary words after a title as a person\'s name ("Ms. Joy Sandy")', () => {
    const common = (w: string) => ['joy', 'sandy', 'grace', 'hope', 'ms', 'm'].includes(w);
    const persons = (text: string) => extractDetails(text, common, knowledge.glossary).filter((d) => d.kind === 'person').map((d) => d.text);
    expect(persons('Ms. Joy Sandy chairs the board.')).toEqual(['Joy Sandy']);
    expect(persons('Le rapport cite M. Grace Hope.')).toEqual(['Grace Hope']);
    // Without a title, dictionary words are no name.
    expect(persons('Joy Sandy beaches.')).toEqual([]);
  });

  it('reads the town and country of a dateline as places where the news happens', () => {
    const places = (text: string) => detailsOf(text).filter((d) => d.kind === 'place').map((d) => [d.text, d.locative]);
    expect(places('Titre du communiqué\n\nOuagadougou, le 3 février 2020 – La coopérative a ouvert un marché.')).toEqual([['Ouagadougou', true]]);
    expect(places('Jinja (Ouganda), le 3 février 2020 – La coopérative a ouvert un marché.')).toEqual([['Jinja', true], ['Ouganda', true]]);
    expect(places('PORT LOUIS, Mauritius, 3 February 2020 — The cooperative opened a market.')).toEqual([['PORT LOUIS', true], ['Mauritius', true]]);
    // A capitalised subject followed by a comma and no date is no dateline.
    expect(places('Ouagadougou, capitale du pays, accueille le marché.')).toEqual([]);
  });

  it('reads a name that opens with a saint\'s as a place, not a person ("St. Kitts")', () => {
    const details = detailsOf('Relief goods were stored in St. Kitts and shipped on Monday.');
    expect(details).toContainEqual(expect.objectContaining({ kind: 'place', text: 'St. Kitts', locative: true }));
    expect(details.filter((d) => d.kind === 'person')).toEqual([]);
  });

  it('reads the names of bodies built on a head noun, in French and in English, but not a head noun before its verb', () => {
    const bodies = (text: string) => detailsOf(text).filter((d) => d.kind === 'organisation').map((d) => d.text);
    expect(bodies("Le projet est financé par la Banque ouest-africaine de développement et la Fondation Maréchal.")).toEqual(['Banque ouest-africaine de développement', 'Fondation Maréchal']);
    expect(bodies("The plan is backed by the Morrow Foundation.")).toEqual(['Morrow Foundation']);
    expect(bodies("L'évaluation sera confiée à l'Institut andin de recherche agronomique.")).toEqual(['Institut andin de recherche agronomique']);
    expect(bodies('Le Fonds financera les projets retenus.')).toEqual([]);
  });

  it('reads the words of an English compound after a number as what it counts, its head last', () => {
    const counted = (text: string) => detailsOf(text).find((d) => d.kind === 'number')?.counted;
    expect(counted('The cooperative sold 9,000 solar lantern charging kits.')).toEqual(['solar', 'lantern', 'charging', 'kits']);
    expect(counted('La coopérative a vendu 9 000 kits de recharge.')).toEqual(['kits']);
  });

  it('reads an acronym that opens a claim as an organisation, at its offsets', () => {
    const text = 'IWSN will install solar pumps in Haiti.';
    const details = detailsOf(text);
    expect(details).toContainEqual(expect.objectContaining({ kind: 'organisation', text: 'IWSN', start: 0, end: 4 }));
    for (const d of details) expect(text.slice(d.start, d.end)).toBe(d.text);
  });

  it('reads a month named alone as a month, in French and in English, but not the verb "may"', () => {
    const months = (text: string) => detailsOf(text).filter((d) => d.kind === 'month').map((d) => [d.text, d.value]);
    expect(months('Les premiers chantiers débuteront en juin.')).toEqual([['juin', 6]]);
    expect(months('Work may start in May.')).toEqual([['May', 5]]);
    expect(months('Le rapport est prévu pour mars 2022.')).toEqual([['mars 2022', 3]]);
  });

  it('reads what a number counts as its first two content words, past a leading "de"', () => {
    const counted = (text: string) => detailsOf(text).filter((d) => d.kind === 'number').map((d) => d.counted);
    expect(counted('Le RIEA regroupe 58 États membres et intervient dans plus de 40 pays.')).toEqual([['etats', 'membres'], ['pays']]);
    expect(counted('The network has 85 member states.')).toEqual([['member', 'states']]);
    expect(counted('Le fonds a reçu 5 millions d’euros.')).toEqual([['euros']]);
  });
});

describe('numbers', () => {
  it('reads a factor of multiplication as a number, in French and English', () => {
    const numbers = (text: string) => detailsOf(text).filter((d) => d.kind === 'number').map((d) => [d.text, d.value]);
    expect(numbers('Cholera cases had doubled since 2019.')).toEqual([['doubled', 2]]);
    expect(numbers('Le nombre de cas a triplé depuis 2019.')).toEqual([['triplé', 3]]);
  });

  it('reads a French plural ordinal as its rank, but not "secondes", a unit of time', () => {
    const ranks = (text: string) => detailsOf(text).filter((d) => d.kind === 'ordinal').map((d) => [d.text, d.value]);
    expect(ranks('Les premiers chantiers débuteront en mai.')).toEqual([['premiers', 1]]);
    expect(ranks('Les troisièmes rencontres auront lieu à Dakar.')).toEqual([['troisièmes', 3]]);
    expect(ranks('Le débit est mesuré toutes les dix secondes.')).toEqual([]);
  });

  it('reads "first" and "premier" as ranks only after a determiner, not as an adverb or a title', () => {
    const ranks = (text: string) => detailsOf(text).filter((d) => d.kind === 'ordinal').map((d) => d.text);
    expect(ranks('The fund will first pay for wells.')).toEqual([]);
    expect(ranks('Premier ministre depuis 2020, M. Koffi a visité Dakar.')).toEqual([]);
    expect(ranks('The first works start in May; la réunion, septième du genre, a eu lieu hier.')).toEqual(['first', 'septième']);
  });

  it('reads halving as a factor of one half, in English and French, and marks factors', () => {
    const factors = (text: string) => detailsOf(text).filter((d) => d.kind === 'number').map((d) => [d.text, d.value, d.factor]);
    expect(factors('Well yields have halved since 2019.')).toEqual([['halved', 0.5, true]]);
    expect(factors('Le débit des puits a diminué de moitié depuis 2019.')).toEqual([['de moitié', 0.5, true]]);
    expect(factors('La moitié des puits sont à sec.')).toEqual([]);
  });
});

describe('contact details', () => {
  it('reads no count in a telephone number or an e-mail address', () => {
    const numbers = (text: string) => detailsOf(text).filter((d) => d.kind === 'number').map((d) => d.value);
    expect(numbers('Contact : M. Ousmane Diallo, ousmane.diallo40@riea.example, +221 33 555 40 40')).toEqual([]);
    expect(numbers('Pour plus d’informations : Tel: 212 681 7000, ou 3 bureaux régionaux.')).toEqual([3]);
  });
});

describe('negations', () => {
  it('reads "not", "no" and "ne … pas", but not "No. 7" before a number', () => {
    expect(negations('The appeal has not received any money.').map((n) => n.text)).toEqual(['not']);
    expect(negations('Les ouvrages ne soient pas abandonnés.').map((n) => n.text)).toEqual(['ne soient pas']);
    expect(negations('IWSN launched its Emergency Appeal No. 7 and appeal No 8.')).toEqual([]);
    expect(negations('There is no water.').map((n) => n.text)).toEqual(['no']);
  });
});
