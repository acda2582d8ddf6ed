import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseQuestion, answerTypeOf, nameWords, releaseDescription, nounIsKindOf, nounType, quotedSpeaker, requiredNumbers, speakerRole } from '../../src/answer/analyse-question.js';
import { answerPolicy } from '../../src/answer/answer-policy.js';
import { documentUnits } from '../../src/answer/evidence-units.js';
import { matchTerm } from '../../src/answer/score-evidence.js';
import type { Runtime } from '../../src/runtime/node-runtime.js';
import { stem } from '../../src/text/terms.js';
import { corpusBDir, seedsRuntime } from '../helpers/seeds-runtime.js';

let runtime: Runtime;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ runtime, cleanup } = await seedsRuntime({}, corpusBDir)));
afterAll(async () => cleanup());

const typeOf = (question: string, language: 'fr' | 'en' = 'fr') => answerTypeOf(question, language, runtime.knowledge).type;
const analyse = (question: string, language: 'fr' | 'en', history?: Array<{ role: 'user' | 'assistant'; content: string }>) =>
  analyseQuestion({ question, language, history }, (q) => runtime.retriever.expand(q), runtime.knowledge);

describe('English verb forms', () => {
  it('translate an irregular past through its infinitive ("fled" → flee → fuir, "built" → build → construire)', () => {
    const analysis = analyse('Who fled the hurricane and which wells were built?', 'en');
    const translations = (word: string) => analysis.terms.find((t) => t.words.includes(word))!.forms.filter((f) => f.kind === 'translation').map((f) => f.stems[0]);
    expect(translations('fled')).toContain(stem('fuir'));
    expect(translations('built')).toContain(stem('construire'));
  });
});

describe('dictionary translations', () => {
  const sentence = (text: string) => documentUnits({ id: 'fr.txt', title: 'fr', date: null, language: 'fr', text, hash: 'fr' })[0]!;

  it('match a form of the translation, not another word the stemmer cuts alike ("fonds" is no form of "fonder")', () => {
    const founded = analyse('Who founded the cooperative?', 'en').terms.find((t) => t.words.includes('founded'))!;
    expect(matchTerm(founded, sentence('Les fonds de la coopérative ont doublé.'), answerPolicy())).toBeNull();
    expect(matchTerm(founded, sentence('La coopérative a été fondée en 1990.'), answerPolicy())?.kind).toBe('translation');
  });
});

describe('quoted speakers', () => {
  it('names the speaker of a "what did X say" question in either language, not a role or a pronoun', () => {
    expect(quotedSpeaker('What did Miriam Kamau say about sanitation?')).toEqual(['kamau']);
    expect(quotedSpeaker("Qu'a déclaré Paul-Henri Vasseur lors du forum ?")).toEqual(['vasseur']);
    expect(quotedSpeaker("Qu'a dit Jan De Wit sur le fonds ?")).toEqual(['wit']);
    expect(quotedSpeaker('What did Deputy Director-General Miriam Kamau say?')).toEqual(['kamau']);
    expect(quotedSpeaker("What did Ana Ruiz-Vela say?")).toEqual(['ruiz', 'vela']);
    expect(quotedSpeaker("What did IWSN's Deputy Director-General say?")).toEqual([]);
    expect(quotedSpeaker('What did he say about the forum?')).toEqual([]);
    expect(quotedSpeaker('What did the minister say?')).toEqual([]);
  });
});

describe('speaker roles', () => {
  it('keeps a role that names a person, not a document ("what does the note say")', () => {
    expect(analyse('Que dit la note sur le balisage des pages ?', 'fr').speakerRole).toEqual([]);
    expect(analyse('What did the IWSN treasurer say about the appeal?', 'en').speakerRole).toEqual(['iwsn', 'treasurer']);
  });

  it('reads the role of a speaker named without a name, and none for a name or a pronoun', () => {
    expect(speakerRole("What did IWSN's Deputy Director-General say?")).toEqual(['iwsn', 'deputy', 'director', 'general']);
    expect(speakerRole('Qu’a dit le trésorier du réseau ?')).toEqual(['tresorier']);
    expect(speakerRole('What did Miriam Kamau say?')).toEqual([]);
    expect(speakerRole('What did she say about the fund?')).toEqual([]);
  });
});

describe('answer types', () => {
  it('reads "où" as a place question and "ou" as a plain word', () => {
    expect(typeOf('Où le forum a-t-il eu lieu ?')).toBe('place');
    expect(typeOf('Le Mali ou le Niger reçoivent-ils des kits ?')).not.toBe('place');
  });

  it('reads English "how much" with no noun after it as a question for a sum, and with a noun as a count of it', () => {
    expect(typeOf('How much did the Lagoon Fund pledge to the network?', 'en')).toBe('amount');
    expect(typeOf('How much water do the new wells pump each day?', 'en')).toBe('number');
  });

  it('reads the noun after the adjectives of "who is the current president" as what is asked', () => {
    expect(answerTypeOf('Who is the current president of France?', 'en', runtime.knowledge).focus).toBe('president');
  });

  it('takes the type from the interrogative that comes first', () => {
    expect(typeOf('Who was director general when the fund was launched?', 'en')).toBe('person');
    expect(typeOf('When did the director general launch the fund?', 'en')).toBe('date');
  });

  it('reads an interrogative inside a yes/no question as opening a clause, unless the question asks to be told', () => {
    expect(typeOf('Was the fund represented by its treasurer when it signed the charter?', 'en')).toBe('yesno');
    expect(typeOf('Le réseau était-il présent quand la charte a été signée ?')).toBe('yesno');
    expect(typeOf('Do you know when the fund was launched?', 'en')).toBe('date');
    expect(typeOf('Pouvez-vous me dire où le forum a eu lieu ?')).toBe('place');
  });

  it('reads any French question opening with "est-ce" as yes/no ("est-ce bien à Genève que…")', () => {
    expect(typeOf('Est-ce bien à Genève que le réseau a vu le jour ?')).toBe('yesno');
    expect(typeOf('Est-ce que le réseau a vu le jour à Genève ?')).toBe('yesno');
    expect(typeOf('Qu’est-ce que le réseau a signé à Genève ?')).not.toBe('yesno');
  });

  it('reads "que" / "qu\'" before an inverted verb as "what", not as a yes/no question ("Qu\'offre-t-elle…")', () => {
    expect(typeOf('Qu’offre-t-elle pour le plan de l’eau adopté ensuite ?')).toBe('other');
    expect(typeOf('Que propose-t-il aux villes du littoral ?')).toBe('other');
    expect(typeOf('Le réseau offre-t-il son aide aux villes du littoral ?')).toBe('yesno');
  });

  it('classifies "which/quel + noun" by what the noun names, in either language', () => {
    expect(typeOf('Which official chairs the committee?', 'en')).toBe('person');
    expect(typeOf('Dans quelle ville se tiendra le prochain forum ?')).toBe('place');
    expect(typeOf('In what year was the network founded?', 'en')).toBe('date');
  });

  it('asks for a day when the phrase ends with "date", and gives its adjectives no weight ("what exact calendar date")', () => {
    const analysis = analyse('On what exact calendar date was the pump station opened?', 'en');
    expect(analysis.datePrecision).toBe('day');
    expect(analysis.terms.filter((t) => t.words.includes('exact') || t.words.includes('calendar')).map((t) => t.isMeta)).toEqual([true, true]);
  });

  it('gives no weight to the French "cité(e)s" either, as to "cited" ("Quels directeurs sont cités…")', () => {
    const analysis = analyse('Quels directeurs du réseau sont cités dans le communiqué sur le forum ?', 'fr');
    expect(analysis.terms.find((t) => t.words.includes('cites'))?.isMeta).toBe(true);
  });

  it('gives no weight to "quoted": the communiqués write "a déclaré", not the asker\'s verb', () => {
    const analysis = analyse('Who is quoted about the hurricane appeal?', 'en');
    expect(analysis.terms.find((t) => t.words.includes('quoted'))?.isMeta).toBe(true);
  });

  it('matches a country by its adjective in either language ("Spain": "Spanish", "espagnol")', () => {
    const spain = analyse('What did Spain sign with the network?', 'en').terms.find((t) => t.words.includes('spain'));
    const stems = spain?.forms.flatMap((f) => f.stems) ?? [];
    expect(stems.some((s) => s.startsWith('espagnol'))).toBe(true);
    expect(stems.some((s) => s.startsWith('spanish'))).toBe(true);
  });

  it('matches a country\'s adjective by the country\'s name in either language ("Belgian", "belge": "Belgique")', () => {
    const english = analyse('In which Belgian city did the network meet?', 'en').terms.find((t) => t.words.includes('belgian'));
    const french = analyse('Quel ministre belge a parlé ?', 'fr').terms.find((t) => t.words.includes('belge'));
    for (const term of [english, french]) expect(term?.forms.flatMap((f) => f.stems).some((s) => s.startsWith('belgiqu'))).toBe(true);
  });

  it('gives no weight to the noun of "avoir lieu" / "take place", which only says that something happened', () => {
    for (const [question, language, word] of [['Et quand a-t-elle eu lieu ?', 'fr', 'lieu'], ['When did the forum take place?', 'en', 'place']] as const) {
      expect(analyse(question, language).terms.find((t) => t.words.includes(word))?.isMeta, question).toBe(true);
    }
    expect(analyse('Quel lieu a été choisi pour le forum ?', 'fr').terms.find((t) => t.words.includes('lieu'))?.isMeta).not.toBe(true);
  });

  it('asks for the noun after a possessive, not for its owner ("What was the network\'s budget")', () => {
    const analysis = analyse('What was IWSN\'s budget for the hurricane response?', 'en');
    expect([analysis.type, analysis.focusText]).toEqual(['amount', 'budget']);
  });

  it('reads "à qui" as a question for a person (a word boundary before an accented letter)', () => {
    expect(typeOf('À qui le réseau a-t-il remis le prix ?')).toBe('person');
  });

  it('reads a follow-up opened by a conjunction ("And who…", "Et qui…") as a question for a person', () => {
    expect(typeOf('And who signed it?', 'en')).toBe('person');
    expect(typeOf('Et qui l’a présidée ?')).toBe('person');
    expect(typeOf('Le ministre qui a signé était-il présent ?')).not.toBe('person');
  });

  it('reads an imperative that asks for a list in French as a list question whose verb is no term ("Énumérez…")', () => {
    const analysis = analyse('Énumérez les domaines de la coopération entre le réseau et la ville.', 'fr');
    expect(analysis.type).toBe('list');
    expect(analysis.terms.find((t) => t.words.includes('enumerez'))?.isMeta).toBe(true);
  });

  it('keeps a name among the words of a type phrase as a term ("which Kenyan city")', () => {
    const analysis = analyse('In which Kenyan city did the network open its office?', 'en');
    expect(analysis.terms.find((t) => t.words.includes('kenyan'))?.isMeta).toBe(false);
  });

  it('classifies an English noun after its adjective ("what exact date") and a French plural ("quelles années")', () => {
    const exact = analyse('On what exact date was the fund launched?', 'en');
    expect([exact.type, exact.datePrecision]).toEqual(['date', 'day']);
    const years = analyse('En quelles années les puits ont-ils été forés ?', 'fr');
    expect([years.type, years.datePrecision]).toEqual(['date', 'year']);
  });

  it('asks for days when the question asks for dates in the plural ("on what dates", "à quelles dates")', () => {
    expect(analyse('On what dates did the two forums take place?', 'en').datePrecision).toBe('day');
    expect(analyse('À quelles dates les deux forums se sont-ils tenus ?', 'fr').datePrecision).toBe('day');
  });

  it('finds the noun after a modifier that spells a function word ("which UN official": "un" is French)', () => {
    expect(typeOf('Which UN official chaired the forum?', 'en')).toBe('person');
  });

  it('ends the English focus phrase before an adverb the tagger joined to it ("which IWSN chief later hailed")', () => {
    expect(answerTypeOf('Which IWSN chief later hailed the pledge?', 'en', runtime.knowledge).focus).toBe('chief');
  });

  it('ends the English focus phrase before an auxiliary the tagger reads as an adjective ("city did")', () => {
    const analysis = answerTypeOf("In which Kenyan city did IWSN's Director General open the forum?", 'en', runtime.knowledge);
    expect([analysis.type, analysis.focus]).toEqual(['place', 'city']);
  });

  it('reads "which" after a noun as opening a relative clause, not a question ("the areas in which Kisumu…")', () => {
    expect(typeOf('List the areas in which Kisumu and the network cooperate.', 'en')).not.toBe('place');
    expect(typeOf('Starting in which year did the city fund the network?', 'en')).toBe('date');
  });

  it('reads "which fund backed…" as asking which one, and "what budget did… / quel budget le…" as an amount', () => {
    expect(typeOf('Which fund backed the sanitation blocks?', 'en')).not.toBe('amount');
    expect(typeOf('Quel fonds a financé les blocs sanitaires ?')).not.toBe('amount');
    expect(typeOf('With backing from which fund?', 'en')).not.toBe('amount');
    expect(typeOf('What budget did the network announce?', 'en')).toBe('amount');
    expect(typeOf('Quel budget le réseau a-t-il annoncé ?')).toBe('amount');
  });

  it('reads "quel est le montant / what is the amount" as an amount', () => {
    expect(typeOf('Quel est le montant de l’enveloppe initiale ?')).toBe('amount');
    expect(typeOf('What was the amount of the appeal?', 'en')).toBe('amount');
  });

  it('tells counts, shares, amounts and durations apart', () => {
    expect(typeOf('Combien de techniciens seront formés ?')).toBe('number');
    expect(typeOf('What share of households live far from water?', 'en')).toBe('percent');
    expect(typeOf('How much money has the appeal received?', 'en')).toBe('amount');
    expect(typeOf('How much initial money does the fund have?', 'en')).toBe('amount');
    expect(typeOf('How long will the pledge be disbursed?', 'en')).toBe('duration');
  });

  it('skips a count between the interrogative and its noun ("which three cities")', () => {
    expect(answerTypeOf('Which three cities get toilet blocks?', 'en', runtime.knowledge).focus).toBe('cities');
  });
});

describe('required numbers', () => {
  it('reads grouped digits as one number in either language', () => {
    expect(requiredNumbers('Were 48,000 people cut off in 2022?')).toEqual(['48000', '2022']);
    expect(requiredNumbers('Les 48 000 habitants ont-ils de l’eau ?')).toEqual(['48000']);
  });

  it('leaves out a number the question compares the answer with', () => {
    expect(requiredNumbers('Did more than 40,000 islanders lose water?')).toEqual([]);
    expect(requiredNumbers('Plus de 40 000 habitants ont-ils été touchés en 2022 ?')).toEqual(['2022']);
  });
});

describe('key terms', () => {
  it('reads a capitalised word whose translations are all names as a proper name, and one with a common sense as none', () => {
    const proper = (question: string) => Object.fromEntries(analyse(question, 'en').terms.map((t) => [t.words.join(' '), t.isProperName]));
    expect(proper('How many wells did the network drill in Asia?').asia).toBe(true);
    expect(proper('How many Friends of the Lake met in Kisumu?').friends).toBe(false);
  });

  it('gives prepositions and adverbs of the question no weight, but keeps "since" and adverbs made from adjectives', () => {
    const meta = (question: string, language: 'fr' | 'en') => Object.fromEntries(analyse(question, language).terms.map((t) => [t.words.join(' '), t.isMeta]));
    const english = meta('Who described the plan as a turning point towards cleaner cities, and what has it also effectively changed since 2020?', 'en');
    expect([english.also, english.towards]).toEqual([true, true]);
    expect([english.described, english.cities, english.effectively, english.since]).toEqual([false, false, false, false]);
    const french = meta('Le réseau a-t-il aussi bien financé les puits vers Kisumu ?', 'fr');
    expect([french.aussi, french.bien, french.vers, french.puits]).toEqual([true, true, true, false]);
  });

  it('gives the office a question asks of a person no weight, not the same noun asked of a body', () => {
    const meta = (question: string, language: 'fr' | 'en', word: string) => analyse(question, language).terms.find((t) => t.words.includes(word))?.isMeta;
    expect(meta("What was Koffi Mensah's official title?", 'en', 'title')).toBe(true);
    expect(meta('Quelle est sa fonction au sein du réseau ?', 'fr', 'fonction')).toBe(true);
    expect(meta('What role can development banks play in Kisumu?', 'en', 'role')).toBe(false);
  });

  it('gives the French quantifiers of the question no weight ("la toute première réunion", "chaque puits")', () => {
    const meta = Object.fromEntries(analyse('Où s’est tenue la toute première réunion sur chaque puits ?', 'fr').terms.map((t) => [t.words.join(' '), t.isMeta]));
    expect([meta.toute, meta.chaque, meta.reunion, meta.puits]).toEqual([true, true, false, false]);
  });

  it('does not take a month or a day written with a capital for a name', () => {
    const terms = analyse('Who opened the Kisumu forum on Friday in June 2022?', 'en').terms;
    expect(terms.find((t) => t.words.includes('june'))?.isName).toBe(false);
    expect(terms.find((t) => t.words.includes('friday'))?.isName).toBe(false);
    expect(terms.find((t) => t.words.includes('kisumu'))?.isName).toBe(true);
  });

  it('gives a misspelt interrogative no weight, and keeps a dictionary word one letter from one', () => {
    const terms = analyse('wich fund pays for wells, and which comments were made?', 'en').terms;
    expect(terms.find((t) => t.words.includes('wich'))?.isMeta).toBe(true);
    expect(terms.find((t) => t.words.includes('comments'))?.isMeta).toBe(false);
  });

  it('reads the first interrogative\'s phrase as the focus, not one joined with a later one', () => {
    expect(answerTypeOf('which city was the network founded in and what year?', 'en', runtime.knowledge).focus).toBe('city');
  });

  it('gives a name no thesaurus synonyms (they are hypernyms: "Madagascar" → "island")', () => {
    const madagascar = analyse('When did the network open an office in Madagascar?', 'en').terms.find((t) => t.words.includes('madagascar'))!;
    expect(madagascar.isName).toBe(true);
    expect(madagascar.forms.filter((f) => f.kind === 'synonym')).toEqual([]);
    const office = analyse('When did the network open an office in Madagascar?', 'en').terms.find((t) => t.words.includes('office'))!;
    expect(office.forms.some((f) => f.kind === 'synonym')).toBe(true);
  });

  it('reads a country of several words as one proper name with its other-language name', () => {
    const term = analyse('Who represented the United States at the forum?', 'en').terms.find((t) => t.words.includes('united'))!;
    expect(term.words).toEqual(['united', 'states']);
    expect(term.isProperName).toBe(true);
    expect(term.forms.some((f) => f.kind === 'glossary' && f.stems.join(' ') === 'etat uni')).toBe(true);
  });

  it('joins a glossary name of several words into one term with its other-language names', () => {
    const terms = analyse('Which deputy director-general spoke?', 'en').terms;
    const deputy = terms.find((t) => t.words.includes('deputy'))!;
    expect(deputy.words).toEqual(['deputy', 'director', 'general']);
    expect(deputy.forms.some((f) => f.kind === 'glossary' && f.stems.length === 3)).toBe(true);
  });

  it('links an acronym the corpus defines in French to the English one it defines for the same body', () => {
    const terms = analyse('When was the IWSN founded?', 'en').terms;
    const iwsn = terms.find((t) => t.words.includes('iwsn'))!;
    expect(iwsn.forms.some((f) => f.stems.includes(stem('riea')))).toBe(true);
  });

  it('keeps an acronym that spells a function word ("EU")', () => {
    expect(analyse('Did the EU pay?', 'en').terms.some((t) => t.words.includes('eu'))).toBe(true);
  });

  it('drops the noun that only names the answer type ("which year")', () => {
    const year = analyse('In which year was the network founded?', 'en').terms.find((t) => t.words.includes('year'));
    expect(year?.isMeta ?? true).toBe(true);
  });

  it('adds the previous question’s terms to a follow-up, at a lower weight', () => {
    const analysis = analyse('Et quand ?', 'fr', [
      { role: 'user', content: 'Qui présidera le comité de pilotage du Fonds commun pour l’eau ?' },
      { role: 'assistant', content: 'Le Dr Koffi Amégan [1].' },
    ]);
    expect(analysis.followUp).toBe(true);
    expect(analysis.type).toBe('date');
    expect(analysis.terms.some((t) => t.fromHistory && t.words.includes('pilotage'))).toBe(true);
  });

  it('reads "elle", "son" or "their" after a question about who as the person the previous answer named', () => {
    const history = (question: string) => [
      { role: 'user' as const, content: question },
      { role: 'assistant' as const, content: 'Le Dr Koffi Amégan, président du comité [1].' },
    ];
    const names = (question: string, previous: string) => analyse(question, 'fr', history(previous)).terms.some((t) => t.fromHistory && t.words.includes('amegan'));
    expect(names('Et son adresse ?', 'Qui présidera le comité de pilotage du Fonds commun pour l’eau ?')).toBe(true);
    expect(names('Que propose-t-elle ?', 'Qui présidera le comité de pilotage du Fonds commun pour l’eau ?')).toBe(true);
    // After a question about a thing, "elle" may stand for that thing.
    expect(names('Que propose-t-elle ?', 'Quelle somme le Fonds commun pour l’eau a-t-il réunie ?')).toBe(false);
  });

  it('reads "first" as a rank after a determiner, and as an adverb that weighs nothing without one', () => {
    const first = (question: string) => analyse(question, 'en').terms.find((t) => t.words.includes('first'))!;
    expect(first('When did the guild first meet the council?')).toMatchObject({ isOrdinal: false, isMeta: true });
    expect(first('When was the very first forum held?')).toMatchObject({ isOrdinal: true, isMeta: false });
    expect(analyse('Où s’est tenue la toute première réunion ?', 'fr').terms.find((t) => t.words.includes('premiere'))!.isOrdinal).toBe(true);
  });

  it('records the numbers and ordinals the evidence must state', () => {
    const analysis = analyse('How many people attended the second forum in 2024?', 'en');
    expect(analysis.numbers).toEqual(['2024']);
    expect(analysis.terms.find((t) => t.words.includes('second'))!.isOrdinal).toBe(true);
  });
});

describe('who-questions', () => {
  it('takes the verb or the role after "who"/"qui" as the focus, not a name', () => {
    const focus = (question: string, language: 'fr' | 'en') => answerTypeOf(question, language, runtime.knowledge).focus;
    expect(focus('Qui a organisé le forum de Kisumu ?', 'fr')).toBe('organisé');
    expect(focus('Who chaired the steering committee?', 'en')).toBe('chaired');
    expect(focus('Who was the deputy director of the network?', 'en')).toBe('deputy');
    expect(focus('Who is Hélène Marchetti?', 'en')).toBeNull();
  });
});

describe('names', () => {
  it('keeps an acronym that spells a function word among the words a name needs', () => {
    expect(nameWords('UN Migration Agency')).toEqual(['un', 'migration', 'agency']);
    expect(nameWords('Organisation des Nations unies')).toEqual(['organisation', 'nations', 'unies']);
  });
});

describe('irregular plurals', () => {
  it('translates an English plural not made with -s through its singular ("people" → "personne")', () => {
    const people = analyse('How many people did the fund connect?', 'en').terms.find((t) => t.words.includes('people'))!;
    expect(people.forms.some((f) => f.kind === 'translation' && f.stems[0] === stem('personnes'))).toBe(true);
  });
});

describe('kinds of nouns', () => {
  it('classifies a French noun the dictionary lacks as the English word it is written like ("migrants")', () => {
    expect(nounType('migrants', 'fr', runtime.knowledge)).toBe('person');
    // A noun the dictionary translates is classified by its translations only: "pays" is no "pay".
    expect(nounType('pays', 'fr', runtime.knowledge)).toBe('place');
  });

  it('knows a noun for a kind of what a more general noun names, across the two languages', () => {
    expect(nounIsKindOf({ text: 'refugees', language: 'en' }, { text: 'personnes', language: 'fr' }, runtime.knowledge)).toBe(true);
    expect(nounIsKindOf({ text: 'countries', language: 'en' }, { text: 'personnes', language: 'fr' }, runtime.knowledge)).toBe(false);
  });
});

describe('classifier nouns', () => {
  it('asks for the noun a classifier introduces ("what kind of help", "quel type d\'aide"), the classifier weighing nothing', () => {
    const english = analyse('What kind of help did the water fund give the farmers?', 'en');
    expect(english.terms.find((t) => t.isFocus)?.words).toEqual(['help']);
    expect(english.terms.find((t) => t.words.includes('kind'))?.isMeta).toBe(true);
    const french = analyse("Quel type d'aide le fonds a-t-il apporté aux agriculteurs ?", 'fr');
    expect(french.terms.find((t) => t.words.includes('type'))?.isMeta).toBe(true);
  });

  it('lets a kind of the asked-for noun match it, in either language ("conférence", "session" for "what kind of meeting")', () => {
    const focus = analyse('What kind of meeting did the network hold in Bodø?', 'en').terms.find((t) => t.isFocus)!;
    const narrower = focus.forms.filter((f) => f.kind === 'narrower').map((f) => f.stems.join(' '));
    expect(narrower).toContain(stem('conference'));
    expect(narrower).toContain(stem('session'));
    // Without a classifier the noun is matched as written or translated only.
    const plain = analyse('When did the network hold the meeting in Bodø?', 'en').terms.find((t) => t.words.includes('meeting'))!;
    expect(plain.forms.some((f) => f.kind === 'narrower')).toBe(false);
  });
});

describe('releases described in a question', () => {
  it('reads the words that say which release is meant, before the document noun in English and after it in French', () => {
    expect(releaseDescription('Why does the Kisumu forum release say the network trains engineers?')).toEqual(['kisumu', 'forum']);
    expect(releaseDescription('Selon le communiqué sur le plan arctique, qui coordonne les équipes ?')).toEqual(['plan', 'arctique']);
    expect(releaseDescription('Who spoke, according to the press release about the hurricane appeal?')).toEqual(['hurricane', 'appeal']);
  });

  it('describes no release when the question names two, or none', () => {
    expect(releaseDescription('Qui est cité dans le communiqué sur le forum et dans celui sur le fonds ?')).toEqual([]);
    expect(releaseDescription('Who spoke in the Kisumu release and in the Bodø release?')).toEqual([]);
    expect(releaseDescription('Who chaired the forum?')).toEqual([]);
  });
});
