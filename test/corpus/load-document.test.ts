import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/corpus/load-document.js';
import { AppError } from '../../src/errors.js';
import { uploadInput } from '../helpers/uploads.js';

/** The AppError a load fails with (the test fails when it loads). */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('loadDocument on an HTML page', () => {
  it('keeps the article and drops navigation, cookie banner, share block, related links and footer', async () => {
    const { text } = await loadDocument(await uploadInput('release-harbour-sensors.html'));
    expect(text).toContain('forty radar tide sensors along the breakwaters');
    expect(text).toContain('Dr Marisol Quintanilla');
    expect(text).toContain('Coquimbo and San Antonio in 2024');
    for (const chrome of ['Open tide data', 'Accept all cookies', 'Share on LinkedIn', 'Related releases', 'Privacy policy', 'Subscribe to our newsletter', 'Careers']) {
      expect(text).not.toContain(chrome);
    }
  });

  it('opens the text with the headline and keeps paragraphs apart', async () => {
    const { text } = await loadDocument(await uploadInput('release-harbour-sensors.html'));
    expect(text.split('\n')[0]).toBe('Tidal observatory installs 40 harbour sensors in Valparaíso');
    expect(text).toMatch(/fishing cooperatives\.\n\nThe sensors were financed/);
  });

  it('reads title, date, publisher, language and canonical URL from JSON-LD, Open Graph and the head', async () => {
    const document = await loadDocument(await uploadInput('release-harbour-sensors.html'));
    expect(document).toMatchObject({
      id: 'release-harbour-sensors.html',
      title: 'Tidal observatory installs 40 harbour sensors in Valparaíso',
      date: '2023-06-14',
      language: 'en',
      // JSON-LD's article publisher, not the og:site_name "CTO Newsroom".
      publisher: 'Coastal Tides Observatory',
      // The canonical link, not og:url with its tracking parameter.
      url: 'https://news.coastal-tides.example/releases/2023/harbour-sensors',
    });
    expect(document.pages).toBeUndefined();
  });

  it('falls back to Open Graph and <html lang> when a page has no JSON-LD', async () => {
    const html = `<!doctype html><html lang="fr-CA"><head><title>Site | Accueil</title><meta property="og:title" content="Une crue record à Trois-Rivières">
      <meta property="og:site_name" content="Observatoire des rivières"><meta property="article:published_time" content="2022-04-02T10:00:00Z"></head>
      <body><nav><a href="/">Accueil</a></nav><article><h1>Une crue record à Trois-Rivières</h1>
      <p>La rivière a dépassé de deux mètres son niveau moyen de printemps, selon les relevés publiés ce samedi par l’observatoire régional des rivières.</p>
      <p>Les équipes de mesure ont doublé la fréquence des relevés dans les trois stations situées en aval du barrage, jusqu’à la fin de la crue.</p></article></body></html>`;
    const document = await loadDocument({ bytes: strToU8(html), name: 'crue.html' });
    expect(document).toMatchObject({ title: 'Une crue record à Trois-Rivières', date: '2022-04-02', language: 'fr', publisher: 'Observatoire des rivières' });
    expect(document.url).toBeUndefined();
  });
});

describe('loadDocument on a PDF', () => {
  it('reads the text of each page in reading order, with the page each starts on', async () => {
    const document = await loadDocument(await uploadInput('release-two-pages.pdf'));
    expect(document.pages?.map((p) => p.page)).toEqual([1, 2]);
    const [first, second] = document.pages!;
    const page1 = document.text.slice(first!.start, second!.start);
    const page2 = document.text.slice(second!.start);
    expect(page1).toContain('douze écoles de pêche artisanale');
    expect(page1).not.toContain('Casamance');
    expect(page2.startsWith('Un réseau étendu à la Casamance')).toBe(true);
    expect(page2).toContain('sept écoles de la Casamance');
    expect(page1.indexOf('remis aujourd’hui')).toBeLessThan(page1.indexOf('Aminata Ndiaye'));
  });

  it('takes the title printed from the page and the date of the dateline', async () => {
    const document = await loadDocument(await uploadInput('release-two-pages.pdf'));
    expect(document).toMatchObject({ title: 'L’Observatoire des marées équipe douze écoles de pêche au Sénégal', date: '2024-03-03', language: 'fr' });
  });

  it('refuses a scanned PDF with no text layer with no_text_layer, saying OCR is not supported', async () => {
    const error = await failure(loadDocument(await uploadInput('scanned-no-text.pdf')));
    expect(error.code).toBe('no_text_layer');
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/no text layer.*OCR is not supported/);
  });

  it('refuses a PDF with more pages than the limit with payload_too_large', async () => {
    const error = await failure(loadDocument(await uploadInput('release-two-pages.pdf'), { maxPages: 1 }));
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toMatch(/2 pages/);
  });

  it('refuses a file named .pdf whose content is text with unsupported_media_type naming both', async () => {
    const error = await failure(loadDocument(await uploadInput('not-really.pdf')));
    expect(error.code).toBe('unsupported_media_type');
    expect(error.status).toBe(415);
    expect(error.message).toMatch(/not-really\.pdf claims to be a PDF by its name \(\.pdf\), but its content is plain text/);
  });

  it('refuses a truncated PDF with corrupt_document', async () => {
    const { bytes } = await uploadInput('release-two-pages.pdf');
    const error = await failure(loadDocument({ bytes: bytes.subarray(0, 600), name: 'cut.pdf' }));
    expect(error.code).toBe('corrupt_document');
  });
});

describe('loadDocument on a Word .docx', () => {
  it('reads its paragraphs, headline as title and dateline as date', async () => {
    const document = await loadDocument(await uploadInput('release-docx.docx'));
    expect(document).toMatchObject({ title: 'L’Observatoire côtier des marées ouvre une station à Nouadhibou', date: '2023-11-21', language: 'fr' });
    expect(document.text).toMatch(/jetée du port autonome de Nouadhibou\.\n\nLa station enregistre/);
    expect(document.text).toContain('185 000 euros');
  });

  it('refuses a zip bomb by its declared size before inflating it', async () => {
    const error = await failure(loadDocument(await uploadInput('zip-bomb.docx')));
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toMatch(/decompression bomb/);
  });

  it('refuses a bomb whose headers understate its size, by counting what it inflates', async () => {
    const { bytes } = await uploadInput('zip-bomb.docx');
    const lying = new Uint8Array(bytes);
    const view = new DataView(lying.buffer);
    // Every local header (uncompressed size at +22) and central directory entry (+24) claims 1,000 bytes.
    for (let i = 0; i + 4 <= lying.length; i++) {
      const signature = view.getUint32(i, true);
      if (signature === 0x04034b50) view.setUint32(i + 22, 1000, true);
      if (signature === 0x02014b50) view.setUint32(i + 24, 1000, true);
    }
    const error = await failure(loadDocument({ bytes: lying, name: 'liar.docx' }, { maxUnzippedBytes: 5_000_000 }));
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toMatch(/headers understate it/);
  });

  it('refuses a zip archive that is not a Word document with unsupported_media_type', async () => {
    const zip = zipSync({ 'notes.txt': strToU8('Une note qui n’est pas un document Word.') });
    const error = await failure(loadDocument({ bytes: zip, name: 'notes.docx' }));
    expect(error.code).toBe('unsupported_media_type');
  });
});

describe('loadDocument on text and bad input', () => {
  it('reads plain text as the corpus folder always has: headline as title, navigation stripped', async () => {
    const text = 'Accueil\nActualités\nContact\nLe fleuve Sénégal atteint son plus haut niveau depuis dix ans\nSaint-Louis, le 5 octobre 2021 – Le fleuve a atteint 2,1 mètres à la station de Bakel, selon les relevés publiés ce mardi.\nLes autorités ont ouvert deux centres d’accueil pour les familles évacuées.';
    const document = await loadDocument({ bytes: strToU8(text), name: 'fleuve.txt' });
    expect(document).toMatchObject({ id: 'fleuve.txt', title: 'Le fleuve Sénégal atteint son plus haut niveau depuis dix ans', date: '2021-10-05', language: 'fr' });
    expect(document.text.startsWith('Le fleuve Sénégal')).toBe(true);
    expect(Object.keys(document).sort()).toEqual(['date', 'hash', 'id', 'language', 'text', 'title']);
  });

  it('chooses HTML by content even when the name says .txt', async () => {
    const { bytes } = await uploadInput('release-harbour-sensors.html');
    const document = await loadDocument({ bytes, name: 'saved-page.txt' });
    expect(document.publisher).toBe('Coastal Tides Observatory');
    expect(document.text).not.toContain('Accept all cookies');
  });

  it('chooses the PDF loader by content when the name has no extension, and checks a declared type', async () => {
    const pdf = await uploadInput('release-two-pages.pdf', 'download');
    expect((await loadDocument(pdf)).pages).toHaveLength(2);
    const error = await failure(loadDocument(await uploadInput('release-two-pages.pdf', 'download', 'text/html')));
    expect(error.code).toBe('unsupported_media_type');
    expect(error.message).toMatch(/declared type \(text\/html\).*a PDF/);
  });

  it('refuses an empty file with empty_document and binary data with unsupported_media_type', async () => {
    expect((await failure(loadDocument({ bytes: new Uint8Array(), name: 'empty.html' }))).code).toBe('empty_document');
    expect((await failure(loadDocument({ bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), name: 'image' }))).code).toBe('unsupported_media_type');
  });

  it('refuses a file over the size limit with payload_too_large before reading it', async () => {
    const error = await failure(loadDocument(await uploadInput('release-harbour-sensors.html'), { maxBytes: 1000 }));
    expect(error.code).toBe('payload_too_large');
  });
});
