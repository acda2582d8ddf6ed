import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, type Answerer } from '../../src/answer/create-answerer.js';
import { joinsTwoThings, statesNumber, withoutNames } from '../../src/answer/select-evidence.js';
import { findGlossaryTerms, glossaryNameSpans } from '../../src/lexicon/glossary.js';
import type { Runtime } from '../../src/runtime/node-runtime.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '../helpers/fixtures.js';
import { corpusBDir, seedsRuntime } from '../helpers/seeds-runtime.js';

let runtime: Runtime;
let answerer: Answerer;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ runtime, cleanup } = await seedsRuntime({}, corpusBDir));
  answerer = createAnswerer({ knowledge: runtime.knowledge });
});
afterAll(async () => cleanup());

const ask = (question: string) => answerer.ask({ question }, runtime.retriever);

/** A release's text: its title and paragraphs, each followed by an empty line. */
function releaseText(...paragraphs: string[]): string {
  return paragraphs.map((p) => `${p}\n`).join('\n');
}

/** An index of invented releases (file name → text), built before the describe block's tests and removed after. */
function inventedCorpus(files: Record<string, string>): { runtime: () => Runtime } {
  let built: { runtime: Runtime; cleanup: () => Promise<void> };
  let corpus: { dir: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    corpus = await tempDir();
    for (const [name, text] of Object.entries(files)) await writeFile(join(corpus.dir, name), text);
    built = await seedsRuntime({}, corpus.dir);
  });
  afterAll(async () => {
    await built.cleanup();
    await corpus.cleanup();
  });
  return { runtime: () => built.runtime };
}

describe('lines under headings', () => {
  it('answers a who-question from the line under the heading that names the body asked about', async () => {
    // "CWUA:" heads Joy Sandy's line, "IWSN:" the two lines before it; Sandy is a dictionary word, a name here.
    const result = await ask('Who is the CWUA contact in Kingstown?');
    expect(result.answerable).toBe(true);
    expect(result.answer.startsWith('Ms. Joy Sandy [1]')).toBe(true);
  });

  it('prefers a line from the communiqué that states every name of the question', async () => {
    // Another communiqué has a "Media contact" line, but it never mentions Geneva.
    const result = await ask('Who is the IWSN media contact in Geneva?');
    expect(result.answer).toMatch(/^Mr\. Peter Marsh \[1\]/);
    expect(result.citations[0]!.source).toBe('b05_hurricane_appeal_en.txt');
  });
});

describe('numbers a question states', () => {
  it('are stated by the same number in digits or, for a small count, in words', () => {
    expect(statesNumber('Le réseau a mené six missions au Niger.', '6')).toBe(true);
    expect(statesNumber('The network ran seven missions.', '7')).toBe(true);
    expect(statesNumber('Le réseau a mené sept missions au Niger.', '6')).toBe(false);
    expect(statesNumber('Le réseau a mené 16 missions au Niger.', '6')).toBe(false);
    // "une" is an article as well as a count.
    expect(statesNumber('Le réseau a mené une mission au Niger.', '1')).toBe(false);
  });
});

describe('years', () => {
  it('takes a year from the communiqué\'s date for a sentence that states none', async () => {
    const result = await ask('How much money had the hurricane appeal received in 2022?');
    expect(result.answerable).toBe(true);
    expect(result.answer).toContain('600,000');
  });

  it('refuses when neither the sentence nor its communiqué states the year asked', async () => {
    const result = await ask('How much money had the hurricane appeal received in 2021?');
    expect(result.answerable).toBe(false);
    expect(result.refusalReason).toBe('number_absent');
  });
});

describe('who did it', () => {
  it('answers "who organised" with the agent of the passive, in French and in English', async () => {
    // The forum's opening sentence also names the network's director elsewhere; the agent of "organisé" answers.
    expect((await ask('Qui a organisé le forum de Kisumu ?')).answer).toMatch(/^Le Réseau international pour l'eau et l'assainissement \[1\]/);
    expect((await ask('Who chaired the steering committee of the water fund?')).answer).toMatch(/^Le Dr Koffi Amégan \[1\]/);
  });
});

describe('what someone said', () => {
  it('answers "qu\'a déclaré X" with the quotation X is named in', async () => {
    const result = await ask("Qu'a déclaré Hélène Marchetti sur la corvée d'eau ?");
    expect(result.answerable).toBe(true);
    expect(result.citations[0]!.quote).toContain('a déclaré Mme Hélène Marchetti');
  });

  it('answers "what did <role> say" with a quotation attributed to that role, and refuses a role never quoted', async () => {
    const coordinator = await ask('What did the IWSN Emergency Response Coordinator say about clean water?');
    expect(coordinator.citations[0]!.quote).toContain('first line of defence');
    expect((await ask('What did the IWSN treasurer say about the hurricane appeal?')).answerable).toBe(false);
    expect((await ask("Qu'a dit le trésorier du RIEA sur le Fonds commun pour l'eau ?")).answerable).toBe(false);
  });

  it('refuses when the person is named in the communiqué but never quoted', async () => {
    // Peter Marsh is the appeal's media contact: his name is there, no words of his.
    const result = await ask('What did Peter Marsh say about the hurricane appeal?');
    expect(result.answerable).toBe(false);
  });
});

describe('off-topic questions', () => {
  it('refuses "who is the current president of France" (a chair of a committee is no president of France)', async () => {
    expect((await ask('Who is the current president of France?')).answerable).toBe(false);
  });
});

describe('places', () => {
  it('refuses "which city" when no sentence about it names a town', async () => {
    // The kits are distributed in the appeal's response, nowhere named; its dateline's town is the release's.
    expect((await ask('In which city were the hygiene kits distributed?')).answerable).toBe(false);
  });

  it('refuses "which country" when no sentence about it names a place', async () => {
    expect((await ask('In which country were the hygiene kits distributed?')).answerable).toBe(false);
    expect((await ask('Dans quel pays les kits d\'hygiène ont-ils été distribués ?')).answerable).toBe(false);
  });
});

describe('counts', () => {
  it('does not answer a count of people with a count of places ("23 pays" for "how many delegates")', async () => {
    // The forum's English release names the delegates' countries next to "delegations"; 450 délégués is the count.
    expect((await ask('How many delegates attended the Kisumu urban sanitation forum?')).answer).toMatch(/450/);
  });

  it('refuses a question about a place the communiqués never name, even one the thesaurus knows ("in Asia")', async () => {
    expect((await ask('How many households in Asia will the subsidised pit-emptying service reach?')).answerable).toBe(false);
    expect((await ask('How many households will the subsidised pit-emptying service reach?')).answerable).toBe(true);
  });

  it('refuses a count when no sentence that holds a number names what is counted', async () => {
    // The fund's sentences count households ("foyers"); delegates are counted in another communiqué, about a forum.
    const result = await ask("Combien de délégués le Fonds commun pour l'eau va-t-il raccorder à l'eau potable ?");
    expect(result.answerable).toBe(false);
    expect((await ask("Combien de foyers le Fonds commun pour l'eau va-t-il raccorder ?")).answer).toMatch(/^84 000 foyers \[1\]/);
  });
});

describe('lists over several sentences', () => {
  // An invented release whose two sentences each name one field of the same cooperation.
  const release = releaseText(
    'Le Réseau des Marais et la ville de Vannes renforcent leur coopération',
    'Vannes, le 2 février 2023 – La coopération entre le Réseau des Marais et la ville de Vannes se concrétise notamment par le suivi des oiseaux nicheurs des roselières.',
    'La coopération entre le Réseau et la ville de Vannes passe également par la formation des gardes du littoral.',
    'Le Réseau publiera son rapport annuel au printemps.',
  );
  const marsh = inventedCorpus({ 'cooperation.txt': release });

  it('quotes every sentence that states the listed cooperation as well as the best one', async () => {
    const result = await answerer.ask({ question: 'Énumérez les domaines de la coopération entre le Réseau des Marais et la ville de Vannes.' }, marsh.runtime().retriever);
    const quoted = result.citations.map((c) => c.quote).join(' ');
    expect(quoted).toMatch(/oiseaux nicheurs/);
    expect(quoted).toMatch(/gardes du littoral/);
    expect(quoted).not.toMatch(/rapport annuel/);
  });
});

describe('questions about two communiqués', () => {
  // Two invented releases of two years, naming the same director.
  const forums = inventedCorpus({
    'lorient.txt': releaseText('Le Forum des zones humides de Lorient s’ouvre', 'Lorient, le 3 mai 2022 – La directrice du Réseau des Marais, Mme Claire Vannier, a ouvert aujourd’hui le Forum des zones humides de Lorient.'),
    'brest.txt': releaseText('Le Forum des estuaires de Brest se clôt', 'Brest, le 9 juin 2023 – La directrice du Réseau des Marais, Mme Claire Vannier, a clos aujourd’hui le Forum des estuaires de Brest.'),
  });

  it('takes a year the question states for one of the two communiqués from that one only', async () => {
    const result = await answerer.ask({ question: 'Which director appears both in the Lorient forum release and in the 2023 Brest forum release?' }, forums.runtime().retriever);
    expect(new Set(result.citations.map((c) => c.source))).toEqual(new Set(['lorient.txt', 'brest.txt']));
  });

  it('quotes a second release when the question asks what both say', async () => {
    const both = await ask('Which town hosted the urban sanitation forum, according to both releases?');
    expect(new Set(both.citations.map((c) => c.source))).toEqual(new Set(['b03_forum_kisumu_fr.txt', 'b04_kisumu_forum_en.txt']));
    const one = await ask('Which town hosted the urban sanitation forum?');
    expect(new Set(one.citations.map((c) => c.source)).size).toBe(1);
  });
});

describe('two names the question joins', () => {
  // Two people who met in one release and toured in another; a pledge by others in a third.
  const releases = inventedCorpus({
    'namur.txt': releaseText('Rencontre à Namur', 'Namur, le 4 mars 2021 – Le ministre Paul Dervaux a rencontré la présidente du Réseau des Marais, Mme Anne Kessler, pour faire le point sur la coopération.', 'Paul Dervaux et Anne Kessler ont parlé des crues de l’hiver et des digues.'),
    'dinant.txt': releaseText('Visite à Dinant', 'Dinant, le 2 avril 2021 – Anne Kessler et Paul Dervaux ont visité les berges de la Meuse avec les maires de la région.'),
    'liege.txt': releaseText('Un don à Liège', 'Liège, le 9 juin 2021 – La ville de Liège a promis hier un montant de 3 millions d’euros à l’Office des Rivières pour la restauration des berges.'),
  });

  it('refuses what two people did when another release tells it of others and names neither of them', async () => {
    const result = await answerer.ask({ question: 'Quel montant Paul Dervaux et Anne Kessler ont-ils promis lors de leur rencontre ?' }, releases.runtime().retriever);
    expect(result.answerable).toBe(false);
  });

  it('answers from a release that names both people', async () => {
    const result = await answerer.ask({ question: 'Où Paul Dervaux et Anne Kessler se sont-ils rencontrés ?' }, releases.runtime().retriever);
    expect(result.citations.map((c) => c.source)).toEqual(['namur.txt']);
  });
});

describe('titles the other language writes word by word', () => {
  const releases = inventedCorpus({
    'nomination.txt': releaseText('Nomination à l’Office des Rivières', 'Liège, le 3 juillet 2021 – M. Hugo Marchal a été nommé secrétaire général adjoint de l’Office des Rivières.'),
    'budget.txt': releaseText('Budget de l’Office des Rivières', 'Namur, le 5 août 2021 – Mme Léa Fontaine, vice-présidente de l’Office des Rivières, a présenté le budget annuel préparé par le secrétaire général.'),
  });

  it('answers who holds an English title from the French words of each of its words, in French order', async () => {
    const result = await answerer.ask({ question: 'Who is the Deputy Secretary-General of the Office des Rivières?' }, releases.runtime().retriever);
    expect(result.answer).toMatch(/^M\. Hugo Marchal \[1\]/);
    expect(result.citations.map((c) => c.source)).toEqual(['nomination.txt']);
  });
});

describe('quotations at an event', () => {
  // Two invented releases: the director is quoted about a convention; a forum is told of without her.
  const convention = releaseText(
    'Le Réseau des Marais signe une convention avec la ville de Vannes',
    'Vannes, le 2 février 2023 – Le Réseau des Marais a signé une convention avec la ville de Vannes.',
    '« Nous protégerons les étangs de la commune », a déclaré Mme Claire Vannier, directrice du Réseau.',
  );
  const forum = releaseText(
    'Le Forum des zones humides de Lorient et de Brest s’est achevé',
    'Lorient, le 3 mai 2023 – Le Forum des zones humides de Lorient et de Brest s’est achevé aujourd’hui après deux jours de débats.',
    'Les participants ont adopté une charte de gestion des marais littoraux.',
  );
  const marsh = inventedCorpus({ 'convention.txt': convention, 'forum.txt': forum });

  it('does not answer what someone said at an event with their words from another communiqué', async () => {
    const result = await answerer.ask({ question: 'Qu’a déclaré Claire Vannier lors du Forum des zones humides de Lorient et de Brest ?' }, marsh.runtime().retriever);
    expect(result.answerable).toBe(false);
  });
});

describe('people asked for by their role', () => {
  // Two invented releases: a minister opens one forum; a director, not a minister, opens the other.
  const lorient = releaseText(
    'La ministre ouvre le Forum des zones humides de Lorient',
    'Lorient, le 3 mai 2023 – La ministre de l’Environnement, Mme Sophie Garnier, a ouvert aujourd’hui le Forum des zones humides de Lorient.',
  );
  const brest = releaseText(
    'Le Forum des estuaires de Brest s’ouvre',
    'Brest, le 9 juin 2023 – La directrice du Réseau des Marais, Mme Claire Vannier, a ouvert aujourd’hui le Forum des estuaires de Brest.',
  );
  const forums = inventedCorpus({ 'lorient.txt': lorient, 'brest.txt': brest });
  const askForums = (question: string) => answerer.ask({ question }, forums.runtime().retriever);

  it('answers "which minister" with the person the text calls a minister', async () => {
    expect((await askForums('Quelle ministre a ouvert le Forum des zones humides de Lorient ?')).answer).toMatch(/^Mme Sophie Garnier \[\d\]/);
  });

  it('refuses "which minister" when the event was opened by someone the text gives another role', async () => {
    expect((await askForums('Quelle ministre a ouvert le Forum des estuaires de Brest ?')).answerable).toBe(false);
  });
});

describe('comparisons', () => {
  it('answers which of two events came first with the date of each, cited, the earlier named first', async () => {
    const result = await ask('Which came first: the launch of the joint water fund, or the drought extension of the Sources vives programme in the Sahel?');
    expect(result.answerable).toBe(true);
    expect(result.answer).toMatch(/^First: the launch of the joint water fund \[\d\]; then: the drought extension/);
    expect(result.answer).toMatch(/12 March 2021 \[\d\]/);
    expect(result.answer).toMatch(/8 September 2021 \[\d\]/);
    expect(new Set(result.citations.map((c) => c.source))).toEqual(new Set(['b01_fonds_commun_eau.txt', 'b02_sources_vives_sahel.txt']));
  });
});

describe('two things or one name', () => {
  it('reads "and" inside a name linked by a preposition as part of the name, and between two names as a join', () => {
    expect(withoutNames('When was the Fund for Water and Sanitation launched?')).not.toMatch(/\band\b/);
    expect(withoutNames('Quand le Pacte sur la Migration et l’Asile a-t-il été signé ?')).toMatch(/^Quand le\s+a-t-il/);
    expect(withoutNames('How do Luxembourg and Belgium work with the network?')).toMatch(/\band\b/);
  });

  it('reads "et" inside a name the glossary knows, in lower case, as part of the name', () => {
    // "… et régulières a-t-il …" reads as "and <word> at" without the name.
    const question = 'Quand le Pacte mondial pour des migrations sûres, ordonnées et régulières a-t-il été signé ?';
    const spans = glossaryNameSpans(question, findGlossaryTerms(runtime.knowledge.glossary, question));
    expect(spans.map(([start, end]) => question.slice(start, end))).toEqual(['Pacte mondial pour des migrations sûres, ordonnées et régulières']);
    expect(joinsTwoThings(question, spans)).toBe(false);
    expect(joinsTwoThings(question)).toBe(true);
  });

  it('joins two things at "and" between names, places or questions, not at an "and" inside a phrase', () => {
    for (const joined of ['How do Luxembourg and Belgium work with the network?', 'Who chaired it in the Lorient release and in the Brest one?', 'Quand le fonds a-t-il été lancé et qui le préside ?', 'Which pledges do both releases give?']) expect(joinsTwoThings(joined), joined).toBe(true);
    for (const one of ['What did the minister say about the refugee and migrant crisis in Kisumu?', 'Quel montant a été annoncé pour les réfugiés et migrants du Darfour ?']) expect(joinsTwoThings(one), one).toBe(false);
  });
});

describe('follow-ups', () => {
  it('takes the topic of a short follow-up from the previous question', async () => {
    const history = [{ role: 'user' as const, content: 'What did IWSN launch after Hurricane Selene?' }];
    const result = await answerer.ask({ question: 'How many people is it meant to help?', history }, runtime.retriever);
    expect(result.answerable).toBe(true);
    expect(result.answer).toMatch(/^48,000 people \[1\]/);
  });

  it('answers a follow-up that names nothing of its own from the previous question\'s terms', async () => {
    const history = [{ role: 'user' as const, content: 'Where did IWSN hold its first regional forum on urban sanitation?' }, { role: 'assistant' as const, content: 'In Kisumu, Kenya.' }];
    const result = await answerer.ask({ question: 'And when?', history }, runtime.retriever);
    expect(result.answerable).toBe(true);
    expect(result.answer).toMatch(/4 June 2022/);
  });
});

describe('follow-ups about the person an answer named', () => {
  // Two invented releases about one regional meeting: each quotes another director's announcement.
  const marsh = releaseText(
    'Réunion régionale sur l’eau : le Réseau des Marais annonce trois centres',
    'Lors de la réunion régionale sur l’eau à Lomé, Mme Ama Boateng, directrice du Réseau des Marais, a annoncé l’ouverture de trois centres de formation.',
  );
  const lagoons = releaseText(
    'Le Fonds des Lagunes à Lomé',
    'M. Koffi Mensah, directeur du Fonds des Lagunes, a annoncé la création de deux stations de pompage.',
  );
  const meeting = inventedCorpus({ 'marsh.txt': marsh, 'lagoons.txt': lagoons });

  it('reads "he" or "she" in a follow-up as the person the previous answer named', async () => {
    const history = [{ role: 'user' as const, content: 'Who spoke about water in Lomé?' }, { role: 'assistant' as const, content: 'Koffi Mensah. He leads the lagoon fund.' }];
    const result = await answerer.ask({ question: 'What did he announce?', history }, meeting.runtime().retriever);
    expect(result.answerable).toBe(true);
    expect(result.citations[0]!.source).toBe('lagoons.txt');
  });
});

describe('questions about what is still to come', () => {
  // An invented release: a forum in one town, told in the past.
  const release = releaseText('Forum de l’eau de Mombasa', 'Le forum régional de l’eau s’est tenu à Mombasa les 3 et 4 mai, avec 40 délégations.');
  const forum = inventedCorpus({ 'forum.txt': release });

  it('refuses a question about a future event that the communiqué tells only in the past', async () => {
    const result = await answerer.ask({ question: 'In which town will the next regional water forum be held?' }, forum.runtime().retriever);
    expect(result.answerable).toBe(false);
  });

  it('answers a question about the future from a line whose heading speaks of it', async () => {
    // The second corpus: "IWSN's response over the next three months will include:" heads "- distributing 15,000
    // hygiene kits…".
    const result = await ask('How many hygiene kits will IWSN hand out after Hurricane Selene?');
    expect(result.answer).toMatch(/^15,000 hygiene \[1\]/);
  });

  it('still answers the same question asked in the past', async () => {
    const result = await answerer.ask({ question: 'In which town was the regional water forum held?' }, forum.runtime().retriever);
    expect(result.answer).toMatch(/^Mombasa \[1\]/);
  });
});

describe('dates of publication', () => {
  // An invented release: the dateline dates what happened "today" and, a day before, "hier".
  const release = releaseText(
    'Le Musée des Marais ouvre une aile consacrée aux oiseaux migrateurs',
    'Nantes, le 5 mai 2023 – Le Musée des Marais a inauguré aujourd\'hui sa nouvelle aile consacrée aux oiseaux migrateurs.',
    'La convention de mécénat avec la Fondation Héron a été signée hier par la directrice du musée, Mme Claire Vannier.',
    'Le projet de rénovation des vitrines avait été annoncé par la ville de Nantes.',
  );
  const museum = inventedCorpus({ 'musee.txt': release });
  const askMuseum = (question: string) => answerer.ask({ question }, museum.runtime().retriever);

  it('dates an event told as "hier" by the day before the dateline', async () => {
    const result = await askMuseum('Quel jour la convention de mécénat avec la Fondation Héron a-t-elle été signée ?');
    expect(result.answer).toMatch(/^Le 4 mai 2023 \[\d\]/);
  });

  it('does not date by the dateline an event its sentence does not place on the day of publication', async () => {
    const result = await askMuseum('Quel jour le projet de rénovation des vitrines a-t-il été annoncé ?');
    expect(result.answerable).toBe(false);
  });
});

describe('counts of another kind', () => {
  // An invented release: the process is named with the countries that take part, uncounted; a count of people is
  // written with the people's name; projects are named without a count of their own.
  const release = releaseText(
    'Conférence de solidarité sur la crise des réfugiés du Darfour',
    'Nairobi, le 4 juin 2022 – La Conférence de solidarité sur la crise des réfugiés du Darfour s’est tenue aujourd’hui à Nairobi.',
    'La Conférence a salué la réponse coordonnée des pays voisins au sein du Processus de Kampala, un pas important vers l’harmonisation des politiques d’accueil.',
    'La Conférence soutient des projets de coopération avec les 2 pays voisins du Darfour.',
    'Selon les statistiques officielles, environ 2,1 millions de Soudanais ont quitté leur pays et la plupart se trouvent au Tchad.',
  );
  const darfur = inventedCorpus({ 'conference.txt': release });

  it('does not answer a count with a number the question states ("in the 171 countries where it works")', async () => {
    const result = await answerer.ask({ question: 'How many cooperation projects does the conference support with the 2 neighbouring countries?' }, darfur.runtime().retriever);
    expect(result.answerable).toBe(false);
  });

  it('does not answer how many countries with a count of a people ("2,1 millions de Soudanais")', async () => {
    const result = await answerer.ask({ question: 'Combien de pays participent au Processus de Kampala ?' }, darfur.runtime().retriever);
    expect(result.answerable).toBe(false);
  });
});

describe('counts by a more general name', () => {
  // An invented release: the people resettled are counted as "personnes"; refugees are counted elsewhere, worldwide.
  const release = releaseText(
    'Le Danemark accueille des familles avec l’appui de l’Agence des Marais',
    'Avec l’appui logistique de l’Agence des Marais, le Danemark a accueilli 210 personnes venues du Kenya lors de quatre missions de transfert.',
    'Dans le monde, 3 millions de réfugiés attendent une place de réinstallation, rappelle l’Agence des Marais.',
  );
  const denmark = inventedCorpus({ 'denmark.txt': release });
  // Another: the only count of the people comes after a count of missions, and no sentence counts refugees.
  const missions = inventedCorpus({
    'missions.txt': releaseText(
      'La Norvège accueille des familles avec l’appui de l’Agence des Marais',
      'Depuis le Kenya, la Norvège a pu compter sur l’appui logistique de l’Agence des Marais lors de cinq missions de sélection et de transfert de 140 personnes.',
    ),
  });

  it('answers how many refugees with the count of persons in the sentence that tells of them', async () => {
    const result = await answerer.ask({ question: 'How many refugees did Denmark take in from Kenya with the agency\'s logistic support?' }, denmark.runtime().retriever);
    expect(result.answer).toMatch(/^210 personnes \[1\]/);
  });

  it('does not answer with a general count a question that qualifies the people by a word the communiqués never use', async () => {
    const result = await answerer.ask({ question: 'Combien de réfugiés somaliens le Danemark a-t-il accueillis du Kenya lors des quatre missions de transfert avec l’appui logistique de l’Agence des Marais ?' }, denmark.runtime().retriever);
    expect(result.answer).not.toContain('210');
  });

  it('answers how many refugees with the count of persons, not with the sentence\'s nearer count of missions, where no sentence counts refugees', async () => {
    const result = await answerer.ask({ question: 'How many refugees did Norway bring over from Kenya with the agency\'s logistic support?' }, missions.runtime().retriever);
    expect(result.answer).toMatch(/^140 personnes \[1\]/);
  });
});

describe('misspelt names', () => {
  const norway = inventedCorpus({
    'norway.txt': releaseText('La Norvège accueille des familles', 'Avec l’appui de l’Agence des Marais, la Norvège a accueilli 140 personnes venues du Kenya en 2022.'),
    'town.txt': releaseText('Une ville du Nord accueille des familles', 'La ville de Kristiansund a accueilli 35 familles venues de Somalie en 2021.'),
  });

  it('reads a name no dictionary knows as the dictionary name one letter away, translated ("Norwey" for "Norvège")', async () => {
    const result = await answerer.ask({ question: 'How many people did Norwey take in from Kenya in 2022?' }, norway.runtime().retriever);
    expect(result.answer).toMatch(/^140 people \[1\]/);
  });

  it('reads a name the communiqués never write as their name one letter shorter ("Kristiansundd")', async () => {
    const result = await answerer.ask({ question: 'How many families did Kristiansundd take in from Somalia in 2021?' }, norway.runtime().retriever);
    expect(result.answer).toMatch(/^35 famil/);
  });
});

describe('a wider pool before refusing', () => {
  // Two invented releases: the first states the question's words but no town; the second names the town.
  const centre = inventedCorpus({
    'centre.txt': releaseText('Le Réseau des Marais ouvre son centre de recherche', 'Le Réseau des Marais a ouvert son centre de recherche sur les zones humides et les oiseaux du Nord.'),
    'ville.txt': releaseText('Tromsø accueille des chercheurs', 'Le centre de recherche du Réseau des Marais a ouvert à Tromsø, où travaillent douze chercheurs.'),
  });
  it('reads passages further down before refusing for want of an answer of the asked type', async () => {
    // A pool of one passage: the first release's.
    const narrow = createAnswerer({ knowledge: runtime.knowledge, policy: { sentencePool: 1 } });
    const result = await narrow.ask({ question: 'Dans quelle ville le Réseau des Marais a-t-il ouvert son centre de recherche ?', k: 1 }, centre.runtime().retriever);
    expect(result.answer).toMatch(/Tromsø/);
  });
});

describe('sentences that state', () => {
  // An invented release: the network's founding is told nowhere; a contact line names the city.
  const contacts = inventedCorpus({
    'contacts.txt': releaseText(
      'Le Réseau des Marais publie son rapport annuel',
      'L’association a publié aujourd’hui son rapport annuel sur les zones humides d’Europe.',
      'Pour de plus amples informations, veuillez contacter :',
      'A Genève : Mme Ada Lind, ada.lind@marais.example, +41 22 000 00 00',
    ),
  });

  it('does not answer a yes/no question with a contact line that names what it asks about', async () => {
    const result = await answerer.ask({ question: 'Est-ce bien à Genève que le Réseau des Marais a vu le jour ?' }, contacts.runtime().retriever);
    expect(result.answer).not.toContain('ada.lind');
  });
});

describe('ordinals', () => {
  // An invented release: the third meeting of a council, and a Prime Minister whose title begins with "Première".
  const council = inventedCorpus({
    'council.txt': releaseText(
      'Le conseil des marais se réunit à Oslo',
      'La troisième réunion du conseil des marais s’est tenue à Oslo. « Nous protégeons les zones humides », a déclaré Mme Kari Nord, Première Ministre de la région.',
    ),
  });

  it('does not read an ordinal that opens a title ("Première Ministre") as the rank a question asks about', async () => {
    const result = await answerer.ask({ question: 'Dans quelle ville s’est tenue la première réunion du conseil des marais ?' }, council.runtime().retriever);
    expect(result.answerable).toBe(false);
  });

  it('still answers about the rank the release states', async () => {
    const result = await answerer.ask({ question: 'Dans quelle ville s’est tenue la troisième réunion du conseil des marais ?' }, council.runtime().retriever);
    expect(result.answer).toMatch(/Oslo/);
  });
});

describe('two things, each with its year', () => {
  // Two invented releases: the same chair at a forum of one year and at a summit of the next.
  const forum = releaseText('Forum de l’eau de Kisangani 2019', 'Le forum de l’eau de Kisangani, tenu en 2019, était présidé par Mme Ama Boateng, directrice du Réseau des Marais.');
  const summit = releaseText('Sommet de l’assainissement de Goma', 'En 2020, le sommet de l’assainissement de Goma a réuni quarante villes sous la présidence de Mme Ama Boateng.');
  const chairs = inventedCorpus({ 'forum.txt': forum, 'summit.txt': summit });

  it('answers a question joining two events of two years from the two communiqués that each state one', async () => {
    const result = await answerer.ask({ question: 'Who chaired both the 2019 water forum in Kisangani and the 2020 sanitation summit in Goma?' }, chairs.runtime().retriever);
    expect(result.answerable).toBe(true);
    expect(new Set(result.citations.map((c) => c.source))).toEqual(new Set(['forum.txt', 'summit.txt']));
  });
});

describe('typed answers from weaker sentences', () => {
  // Two invented releases: one tells of a signing "hier" without a dated header; the other is dated and names the
  // same bodies about another matter.
  const undated = releaseText(
    'Le Réseau des Marais et la ville de Vannes signent une convention-cadre',
    'Le Réseau des Marais a signé, hier, une convention-cadre avec la ville de Vannes pour protéger les zones humides.',
    'La convention prévoit des inventaires d’oiseaux et la restauration de trois étangs.',
  );
  const dated = releaseText(
    'Le Réseau des Marais ouvre un centre d’accueil',
    'Vannes, le 12 mars 2023 – Le Réseau des Marais a ouvert aujourd’hui, dans la ville, le centre d’accueil prévu par sa convention avec les pêcheurs.',
    'Le centre présente les oiseaux migrateurs des étangs.',
  );
  const marsh = inventedCorpus({ 'convention.txt': undated, 'centre.txt': dated });

  it('refuses a date taken from a sentence that states far less of the question than the one telling of the event', async () => {
    const result = await answerer.ask({ question: 'À quelle date exacte le Réseau des Marais a-t-il signé la convention-cadre avec la ville de Vannes ?' }, marsh.runtime().retriever);
    expect(result.answerable).toBe(false);
  });
});

describe('releases named in the question', () => {
  // Two invented releases of one network: the agreement's sentence names the arctic plan, the plan's release does
  // not repeat it where it names its coordinator.
  const agreement = releaseText(
    'Le réseau Nordvann et la Norvège signent un accord de coopération',
    'Tromsø, le 2 mars 2023 – Le réseau Nordvann a signé hier un accord de coopération avec la Norvège.',
    'Dans le cadre du plan arctique pour l’eau, les équipes locales du réseau seront coordonnées par Mme Ingrid Dahl.',
    'Contact : Mme Sofie Lund, sofie.lund@nordvann.example',
  );
  const plan = releaseText(
    'Le réseau Nordvann présente son plan arctique pour l’eau',
    'Bodø, le 9 mai 2023 – Le réseau Nordvann a présenté aujourd’hui son plan arctique pour l’accès à l’eau potable.',
    'Les équipes locales seront coordonnées par M. Lars Berg.',
    'Le réseau travaille depuis longtemps avec la ville de Bodø. Il y a ouvert son premier bureau en 1994 et y forme chaque année 200 techniciens.',
    'Contact presse : M. Erik Holm, erik.holm@nordvann.example',
  );
  const corpus = inventedCorpus({ 'accord.txt': agreement, 'plan.txt': plan });
  const askIn = (question: string) => answerer.ask({ question }, corpus.runtime().retriever);

  it('answers from the release whose headline states what the question says the release is about', async () => {
    const result = await askIn('Selon le communiqué sur le plan arctique pour l’eau, qui coordonnera les équipes locales ?');
    expect(result.answer).toMatch(/Lars Berg/);
    expect(new Set(result.citations.map((c) => c.source))).toEqual(new Set(['plan.txt']));
  });

  it('answers a follow-up from the release the previous answer came from', async () => {
    const history = [
      { role: 'user' as const, content: 'Avec quel pays le réseau Nordvann a-t-il signé un accord de coopération ?' },
      { role: 'assistant' as const, content: 'Avec la Norvège, le 1er mars 2023.' },
    ];
    const result = await answerer.ask({ question: 'Et qui est le contact pour la presse ?', history }, corpus.runtime().retriever);
    expect(result.answer).toMatch(/Sofie Lund/);
  });

  it('quotes a "why" with the sentence after the one that states the fact, when that one gives no reason', async () => {
    const result = await askIn('Pourquoi le réseau Nordvann travaille-t-il depuis longtemps avec la ville de Bodø ?');
    expect(result.citations[0]?.quote).toMatch(/depuis longtemps.*premier bureau en 1994/s);
  });
});

describe('kinds of what a question asks for', () => {
  const release = releaseText(
    'Le réseau Nordvann réunit ses partenaires à Bodø',
    'Bodø, le 3 mai 2023 – Le réseau Nordvann a inspecté avec ses partenaires les nouvelles stations de pompage de Bodø.',
    'Le réseau Nordvann a aussi accueilli ses partenaires à Bodø pour une Conférence ministérielle sur l’eau potable.',
  );
  const corpus = inventedCorpus({ 'bodo.txt': release });

  it('answers "what kind of meeting" with the sentence that names a kind of meeting, even inside a name', async () => {
    const result = await answerer.ask({ question: 'What kind of meeting did the Nordvann network hold with its partners in Bodø?' }, corpus.runtime().retriever);
    expect(result.citations[0]?.quote).toMatch(/Conférence ministérielle/);
  });
});

describe('names of a release\'s headline', () => {
  // Two invented releases: the conference release names Quimper at its top only; its lead states the question's names
  // and nothing it asks, a later sentence the role asked, without the town.
  const conference = releaseText(
    'Water Network welcomes the River Charter at the Quimper conference',
    'Quimper, 12 May 2023 – At the Quimper conference hosted by the Breton government, the director of the Water Network, Claire Vannier, spoke today on the River Charter.',
    'She pledged the network’s support to the coastal towns that will apply the Charter.',
    'The conference was organised by the Breton government, which holds the rotating presidency of the Council of Regions.',
  );
  const agreement = releaseText(
    'Water Network signs an agreement with the Breton government',
    'Rennes, 3 March 2022 – The Breton government signed a framework agreement with the Water Network yesterday.',
  );
  const corpus = inventedCorpus({ 'quimper.txt': conference, 'rennes.txt': agreement });

  it('counts a name of the headline in each sentence of the release, so that the sentence that answers wins over the lead', async () => {
    const result = await answerer.ask({ question: 'Which role did the Breton government hold during the Quimper conference?' }, corpus.runtime().retriever);
    expect(result.citations[0]?.quote).toMatch(/rotating presidency/);
  });
});

describe('two events joined by "and", each told by its own release', () => {
  // Two invented releases: a meeting in Lorient dated by its lead, which a later sentence with another date follows;
  // a forum in Brest, co-chaired by the same director.
  const lorient = releaseText(
    'Entretien de Claire Vannier avec le maire de Lorient',
    'Lors de son déplacement à Lorient, la directrice du Réseau des Marais, Claire Vannier, a eu un entretien avec le maire de la ville, le 14 mars 2021.',
    'Claire Vannier et le maire de Lorient ont aussi tenu des discussions sur la convention de protection des roselières, en place depuis le 1er juin 2019.',
  );
  const brest = releaseText(
    'Le Forum des estuaires de Brest appelle à protéger les vasières',
    'Le Forum international des estuaires, qui s’est tenu à Brest les 9 et 10 juin 2023, a appelé à protéger les vasières.',
    'Le Forum était co-présidé par Claire Vannier, directrice du Réseau des Marais, et par le préfet maritime.',
  );
  const corpus = inventedCorpus({ 'lorient.txt': lorient, 'brest.txt': brest });
  const question = 'On what dates did Vannier hold talks with the mayor in Lorient and co-chair the estuaries forum in Brest?';

  it('answers from two releases when an "and" stands between the names one states and those it lacks', async () => {
    const result = await answerer.ask({ question }, corpus.runtime().retriever);
    expect(result.answerable).toBe(true);
    expect(new Set(result.citations.map((c) => c.source))).toEqual(new Set(['lorient.txt', 'brest.txt']));
  });

  it('dates the other release\'s event by its lead when its title states a name of the question', async () => {
    const result = await answerer.ask({ question }, corpus.runtime().retriever);
    const quoted = result.citations.map((c) => c.quote).join(' ');
    expect(quoted).toMatch(/14 mars 2021/);
    expect(quoted).toMatch(/9 et 10 juin 2023/);
  });
});

describe('questions worded apart from the text', () => {
  // The question's rarest words ("deal", "start", "new") are in no sentence that answers it; the sentence
  // that answers it states most of its other words. Other releases hold those rare words.
  const corpus = inventedCorpus({
    'p1.txt': releaseText(
      'The Harbour Council and the Fishers’ Guild sign an agreement',
      'Portwell, 2 May 2023 – The Harbour Council signed an agreement with the Fishers’ Guild yesterday.',
      'From 2024, the Harbour Council intends to give money to the Fishers’ Guild to help it repair the old docks of Portwell.',
    ),
    'p2.txt': releaseText(
      'The Fishers’ Guild repairs the docks of Portwell',
      'Portwell, 9 June 2023 – The Fishers’ Guild said the old docks of Portwell need repair, and thanked the Harbour Council, which intends to dredge the channel.',
    ),
    'p4.txt': releaseText('Wages at sea', 'Saltmere, 5 July 2023 – A shipping firm struck a deal on wages last week.'),
    'p3.txt': releaseText(
      'Ferries to the islands',
      'Saltmere, 3 July 2023 – New ferries will start sailing to the islands when the weather improves.',
    ),
  });
  const question = 'From which year did the Harbour Council intend to start bankrolling the Fishers’ Guild to repair the docks under the new deal?';

  it('answers from a sentence that states many of the question\'s words, though not its rarest', async () => {
    const result = await createAnswerer({ knowledge: corpus.runtime().knowledge }).ask({ question }, corpus.runtime().retriever);
    expect(result.answerable).toBe(true);
    expect(result.answer).toMatch(/^In 2024 \[1\]/);
  });

  it('refuses when the sentence must state the rarest words (the share set above one)', async () => {
    const result = await createAnswerer({ knowledge: corpus.runtime().knowledge, policy: { topicTermShare: 1.01 } }).ask({ question }, corpus.runtime().retriever);
    expect(result.answerable).toBe(false);
  });
});
