import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanText } from '../../src/corpus/clean-text.js';
import { extractDate } from '../../src/corpus/extract-date.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { copySeeds, seedsDir, tempDir } from '../helpers/fixtures.js';
import { uploadsDir } from '../helpers/uploads.js';

describe('loadCorpus on the seeds', () => {
  it('loads the five communiqués with file-name ids, French language and hashes', async () => {
    const documents = await loadCorpus(seedsDir);
    expect(documents.map((d) => d.id)).toEqual([
      '000_9a6274aa62985936.txt',
      '001_b75e72ff1d10ce48.txt',
      '002_5a2f6f364a3714b2.txt',
      '003_a0047cf2eef54c10.txt',
      '004_5bf88d405e48ee85.txt',
    ]);
    for (const d of documents) {
      expect(d.language).toBe('fr');
      expect(d.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('picks the headline as title, not site names or section labels', async () => {
    const titles = Object.fromEntries((await loadCorpus(seedsDir)).map((d) => [d.id.slice(0, 3), d.title]));
    expect(titles['000']).toMatch(/^Entrevue de Jean Asselborn/);
    expect(titles['001']).toMatch(/^Les partenariats renforcés en matière de migration/);
    expect(titles['002']).toMatch(/^L’OIM et la Belgique signent un Accord-cadre/);
    expect(titles['003']).toMatch(/^L'OIM se félicite du nouveau Pacte/);
    expect(titles['004']).toMatch(/^Communiqué conjoint des co-présidents/);
  });

  it('finds the stated dates and leaves undated communiqués null', async () => {
    const dates = Object.fromEntries((await loadCorpus(seedsDir)).map((d) => [d.id.slice(0, 3), d.date]));
    expect(dates).toEqual({ '000': '2018-11-28', '001': '2020-10-13', '002': null, '003': null, '004': '2019-10-29' });
  });

  it('strips the navigation menu at the top of scraped pages and keeps the article', async () => {
    const documents = await loadCorpus(seedsDir);
    for (const d of documents.filter((x) => x.id.startsWith('003') || x.id.startsWith('004'))) {
      expect(d.text).not.toMatch(/Qui sommes nous|Travailler avec nous|Structure organisationnelle/);
      expect(d.text.startsWith(d.title)).toBe(true);
    }
    const pact = documents.find((d) => d.id.startsWith('003'))!;
    expect(pact.text).toContain('Amy Pope');
  });
});

describe('loadCorpus on bad files', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => cleanup?.());

  it('skips empty, binary and non-UTF-8 files with a warning naming each, and loads the rest', async () => {
    const temp = await tempDir();
    cleanup = temp.cleanup;
    const corpus = await copySeeds(temp.dir);
    await writeFile(join(corpus, 'empty.txt'), '');
    await writeFile(join(corpus, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    await writeFile(join(corpus, 'latin1.txt'), Buffer.from('Communiqu\xe9 de presse', 'latin1'));
    await writeFile(join(corpus, 'notes.md'), '# Une note\n\nUn paragraphe de texte en français pour le corpus.');
    const warnings: string[] = [];
    const documents = await loadCorpus(corpus, { onWarning: (m) => warnings.push(m) });
    expect(documents.map((d) => d.id)).toContain('notes.md');
    expect(documents).toHaveLength(6);
    expect(warnings).toHaveLength(3);
    expect(warnings.find((w) => w.includes('empty.txt'))).toMatch(/empty/);
    expect(warnings.find((w) => w.includes('binary.txt'))).toMatch(/binary/);
    expect(warnings.find((w) => w.includes('latin1.txt'))).toMatch(/UTF-8/);
  });
});

describe('cleanText', () => {
  it('keeps a short heading when the page has no menu', () => {
    const cleaned = cleanText('Migration en Libye\n\nL’OIM a aidé 300 personnes à rentrer chez elles cette semaine, selon un communiqué publié lundi.\nUne deuxième phrase suit ici pour le corps.');
    expect(cleaned.title).toBe('Migration en Libye');
    expect(cleaned.strippedLines).toBe(0);
  });

  it('strips an English menu block on a page it has never seen', () => {
    const page = ['Home', 'About us', 'About us', '- Leadership', '- Offices', '-', 'News', 'Floods displace thousands in the region', 'Geneva, 3 March 2021 - Heavy floods displaced thousands of families this week, the agency said.', 'Aid teams were deployed to the worst-hit districts on Tuesday.'].join('\n');
    const cleaned = cleanText(page);
    expect(cleaned.text.startsWith('Floods displace thousands')).toBe(true);
    expect(cleaned.title).toBe('Floods displace thousands in the region');
  });

  it('keeps a paragraph of prose found inside the menu, after the article and without the label glued to it', () => {
    const page = ['Home', 'Who we are', 'Who we areThe Network was founded in 1998 and works in 41 countries with 2,300 staff.', 'Structure', '- Board', '- Offices', '-', 'Floods displace thousands in the region', 'Geneva, 3 March 2021 - Heavy floods displaced thousands of families this week, the agency said.', 'Aid teams were deployed on Tuesday.'].join('\n');
    const cleaned = cleanText(page);
    expect(cleaned.title).toBe('Floods displace thousands in the region');
    expect(cleaned.text.startsWith('Floods displace thousands')).toBe(true);
    expect(cleaned.text.endsWith('\n\nThe Network was founded in 1998 and works in 41 countries with 2,300 staff.')).toBe(true);
    expect(cleaned.text).not.toContain('Who we are');
  });
});

describe('extractDate', () => {
  it('reads day-first numeric, French and English written dates', () => {
    expect(extractDate('Brussels, 13/10/2020 - 13:00')).toBe('2020-10-13');
    expect(extractDate('le 1er octobre 2017')).toBe('2017-10-01');
    expect(extractDate('Geneva, November 28, 2018')).toBe('2018-11-28');
    expect(extractDate('le 12 décembre 2019')).toBe('2019-12-12');
  });

  it('returns null for a date without a year or an impossible date', () => {
    expect(extractDate('Genève, 30 avril - La Directrice')).toBeNull();
    expect(extractDate('le 31/02/2020')).toBeNull();
  });
});

describe('loadCorpus on a folder of HTML, PDF and Word files', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => cleanup?.());

  it('reads each through its loader and skips the bad ones with their reason', async () => {
    const temp = await tempDir();
    cleanup = temp.cleanup;
    await cp(uploadsDir, temp.dir, { recursive: true });
    const warnings: string[] = [];
    const documents = await loadCorpus(temp.dir, { onWarning: (m) => warnings.push(m) });
    const byId = new Map(documents.map((d) => [d.id, d]));
    expect([...byId.keys()].filter((id) => !id.endsWith('.txt'))).toEqual(['release-docx.docx', 'release-harbour-sensors.html', 'release-two-pages.pdf']);
    expect(byId.get('release-harbour-sensors.html')!.publisher).toBe('Coastal Tides Observatory');
    expect(byId.get('release-two-pages.pdf')!.pages).toHaveLength(2);
    expect(warnings.sort()).toEqual([
      expect.stringMatching(/^Skipped not-really\.pdf: .*content is plain text\.$/),
      expect.stringMatching(/^Skipped scanned-no-text\.pdf: .*no text layer.*OCR is not supported/),
      expect.stringMatching(/^Skipped zip-bomb\.docx: .*decompression bomb\.$/),
    ]);
  });
});
