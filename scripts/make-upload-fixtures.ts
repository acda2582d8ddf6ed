/**
 * Writes the binary fixtures of test/fixtures/uploads/ (committed; run again only to change them):
 * a two-page PDF printed from HTML by headless Chromium, an image-only "scanned" PDF, a .docx, a .docx zip bomb
 * and a text file named .pdf. The releases are invented, of an organisation that is not in the seeds.
 * Usage: `npx tsx scripts/make-upload-fixtures.ts` (needs Chromium at /usr/bin/chromium or CHROMIUM_PATH).
 */
import { strToU8, zipSync } from 'fflate';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const out = resolve(import.meta.dirname, '../test/fixtures/uploads');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const pdfPage = `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>L’Observatoire des marées équipe douze écoles de pêche au Sénégal</title>
<style>body{font:12pt/1.5 serif;margin:0} h1{font-size:18pt} .page2{break-before:page}</style></head><body>
<h1>L’Observatoire des marées équipe douze écoles de pêche au Sénégal</h1>
<p>Saint-Louis, le 3 mars 2024 – L’Observatoire côtier des marées (OCM) a remis aujourd’hui des marégraphes pédagogiques à douze écoles de pêche artisanale de la région de Saint-Louis, dans le cadre de son programme « Mer lisible ».</p>
<p>Chaque école reçoit un marégraphe à flotteur, un tableau des marées imprimé pour l’année et une formation de deux jours destinée aux formateurs. Le programme est financé à hauteur de 310 000 euros par la fondation Horizon Littoral.</p>
<p>« Lire la marée, c’est la première compétence d’un pêcheur qui veut rentrer au port », a déclaré Aminata Ndiaye, coordinatrice du programme à l’Observatoire.</p>
<div class="page2">
<h2>Un réseau étendu à la Casamance</h2>
<p>Dès septembre 2024, l’Observatoire étendra le programme à sept écoles de la Casamance, où les pirogues affrontent une barre particulièrement dangereuse à l’embouchure du fleuve.</p>
<p>Les relevés des élèves seront publiés chaque mois sur le portail de données ouvertes de l’Observatoire, afin de comparer les marées observées aux prévisions officielles.</p>
<p>Contact presse : bureau de presse de l’Observatoire côtier des marées, Dakar.</p>
</div></body></html>`;

const scanPage = `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:40px;font:16px serif;width:600px}</style></head><body>
<h2>Communiqué – Observatoire côtier des marées</h2><p>Ce document a été numérisé : il ne contient qu’une image de la page, sans couche de texte.</p></body></html>`;

/** A minimal WordprocessingML package: content types, the package relationship and the main document part. */
function docx(paragraphs: string[], documentXml?: Uint8Array): Uint8Array {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escape(p)}</w:t></w:r></w:p>`).join('');
  return zipSync(
    {
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/document.xml':
        documentXml ??
        strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
    },
    { level: 9 },
  );
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.setContent(pdfPage);
  await writeFile(resolve(out, 'release-two-pages.pdf'), await page.pdf({ format: 'A5', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } }));
  // A scan: the page is photographed, then only the picture is printed, so the PDF has no text layer.
  await page.setViewportSize({ width: 700, height: 300 });
  await page.setContent(scanPage);
  const picture = (await page.screenshot({ type: 'jpeg', quality: 60 })).toString('base64');
  await page.setContent(`<!doctype html><body style="margin:0"><img src="data:image/jpeg;base64,${picture}" style="width:100%"></body>`);
  await writeFile(resolve(out, 'scanned-no-text.pdf'), await page.pdf({ format: 'A5' }));
} finally {
  await browser.close();
}

await writeFile(
  resolve(out, 'release-docx.docx'),
  docx([
    'L’Observatoire côtier des marées ouvre une station à Nouadhibou',
    'Nouadhibou, le 21 novembre 2023 – L’Observatoire côtier des marées (OCM) a inauguré ce mardi sa première station de mesure en Mauritanie, installée sur la jetée du port autonome de Nouadhibou.',
    'La station enregistre le niveau de la mer, la température de l’eau et la houle toutes les dix minutes. Ses données sont transmises au centre de prévision de l’Observatoire à Dakar et au service météorologique national.',
    'Quatre techniciens mauritaniens ont été formés pendant six semaines pour assurer la maintenance de la station, dont le coût total s’élève à 185 000 euros.',
  ]),
);
// 40 MB of one repeated byte deflate to about 40 kB: the declared size and the ratio both betray the bomb.
await writeFile(resolve(out, 'zip-bomb.docx'), docx([], new Uint8Array(40_000_000).fill(0x20)));
await writeFile(resolve(out, 'not-really.pdf'), 'This is a plain text note saved with a .pdf extension; it has no PDF header.\n');
console.log(`Wrote the upload fixtures to ${out}`);
