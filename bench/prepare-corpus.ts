import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cleanText } from '../src/corpus/clean-text.js';
import { createChunker } from '../src/ingest/chunk-document.js';
import { sentenceSpans } from '../src/text/sentence-spans.js';

/** Debian packages whose text the scale corpus is made of. */
export const CORPUS_PACKAGES = ['manpages', 'manpages-fr', 'debian-reference-en', 'debian-reference-fr'];

/** Installs the corpus packages when missing (as root), and says so. */
export function ensurePackages(log: (line: string) => void): void {
  const missing = CORPUS_PACKAGES.filter((p) => {
    try {
      execFileSync('dpkg-query', ['-W', '-f=${Status}', p], { stdio: ['ignore', 'pipe', 'ignore'] });
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return;
  log(`Installing Debian packages for the scale corpus: ${missing.join(' ')}`);
  execFileSync('sh', ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`], { stdio: 'inherit' });
}

/** Plain text of a roff manual page: requests and comments dropped, escapes resolved, headings kept. */
export function roffToText(roff: string): string {
  const lines: string[] = [];
  for (const raw of roff.split('\n')) {
    if (/^[.'](\\"|\s*$)/.test(raw)) continue;
    const heading = /^\.(SH|SS)\s+"?([^"]*)"?/.exec(raw);
    if (heading) {
      lines.push('', heading[2]!.trim());
      continue;
    }
    if (/^\.(TP|PP|LP|P|IP|br|sp|RS|RE|nf|fi|in|ti|TH)\b/.test(raw)) {
      if (/^\.(PP|LP|P|sp)\b/.test(raw)) lines.push('');
      continue;
    }
    const text = raw
      .replace(/^\.(B|I|BR|IR|RB|RI|BI|IB|SM|SB)\s+/, '')
      .replace(/^\.[A-Za-z]+.*$/, '')
      .replace(/\\f(\[[^\]]*\]|\(..|.)/g, '')
      .replace(/\\\(aq/g, "'")
      .replace(/\\\((co|rg|em|en|lq|rq|bu|hy)/g, ' ')
      .replace(/\\\*\(..|\\\*\[[^\]]*\]|\\\*./g, '')
      .replace(/\\[-e]/g, (m) => (m === '\\-' ? '-' : '\\'))
      .replace(/\\[&|^,/%:]/g, '')
      .replace(/\\ /g, ' ')
      .replace(/"/g, '');
    lines.push(text);
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Splits a long guide into documents at numbered section headings ("1.2. Title"). */
function splitSections(text: string, maxChars = 12_000): string[] {
  const parts: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of text.split('\n')) {
    if (/^\d+(\.\d+)*\.\s+\S/.test(line) && size > 2000) {
      parts.push(current.join('\n'));
      current = [];
      size = 0;
    }
    current.push(line);
    size += line.length + 1;
    if (size > maxChars) {
      parts.push(current.join('\n'));
      current = [];
      size = 0;
    }
  }
  if (current.length) parts.push(current.join('\n'));
  return parts.filter((p) => p.trim().length > 200);
}

function* manPages(dir: string): Generator<{ name: string; text: string }> {
  if (!existsSync(dir)) return;
  for (const section of readdirSync(dir).filter((s) => /^man\d/.test(s)).sort()) {
    for (const file of readdirSync(join(dir, section)).filter((f) => f.endsWith('.gz')).sort()) {
      try {
        const text = roffToText(gunzipSync(readFileSync(join(dir, section, file))).toString('utf8'));
        if (text.length > 300) yield { name: `${section}-${file.replace(/\.gz$/, '')}`, text };
      } catch {
        // A link or a broken page: skip it.
      }
    }
  }
}

/** Real text from the Debian packages, French and English interleaved, in a stable order. */
export function* realDocuments(): Generator<{ name: string; text: string }> {
  for (const lang of ['fr', 'en']) {
    const path = `/usr/share/debian-reference/debian-reference.${lang}.txt.gz`;
    if (!existsSync(path)) continue;
    const sections = splitSections(gunzipSync(readFileSync(path)).toString('utf8'));
    for (const [i, text] of sections.entries()) yield { name: `debian-reference-${lang}-${String(i).padStart(4, '0')}`, text };
  }
  const fr = manPages('/usr/share/man/fr');
  const en = manPages('/usr/share/man');
  // Interleave so that every size holds both languages.
  for (;;) {
    const a = fr.next();
    const b = en.next();
    if (a.done && b.done) return;
    if (!a.done) yield { name: `man-fr-${a.value.name}`, text: a.value.text };
    if (!b.done) yield { name: `man-en-${b.value.name}`, text: b.value.text };
  }
}

/** What {@link writeCorpus} wrote. */
export interface PreparedCorpus {
  dir: string;
  documents: number;
  chunks: number;
  /** Chunks that come from synthetic variation (real text ran out). */
  syntheticChunks: number;
}

/**
 * Writes a corpus folder of about `targetChunks` chunks: the communiqués, then real Debian text; if the real text
 * runs out, variations (sentences in rotated order) of it, counted separately.
 */
export async function writeCorpus(dir: string, seedsDir: string, targetChunks: number): Promise<PreparedCorpus> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await cp(seedsDir, dir, { recursive: true });
  const chunker = createChunker();
  const count = (name: string, text: string) => chunker.chunk({ id: name, title: '', date: null, language: 'und', text: cleanText(text).text, hash: '' }).length;
  let chunks = 0;
  let documents = 0;
  for (const f of readdirSync(seedsDir)) {
    chunks += count(f, readFileSync(join(seedsDir, f), 'utf8'));
    documents++;
  }
  const pool: Array<{ name: string; text: string }> = [];
  for (const doc of realDocuments()) {
    if (chunks >= targetChunks) break;
    pool.push(doc);
    await writeFile(join(dir, `${doc.name}.txt`), doc.text);
    chunks += count(doc.name, doc.text);
    documents++;
  }
  let syntheticChunks = 0;
  for (let round = 1; chunks < targetChunks && pool.length; round++) {
    for (const doc of pool) {
      if (chunks >= targetChunks) break;
      const paragraphs = doc.text.split('\n\n');
      const rotated = [...paragraphs.slice(round % paragraphs.length), ...paragraphs.slice(0, round % paragraphs.length)].join('\n\n');
      const n = count(doc.name, rotated);
      await writeFile(join(dir, `${doc.name}-variation-${round}.txt`), rotated);
      chunks += n;
      syntheticChunks += n;
      documents++;
    }
  }
  return { dir, documents, chunks, syntheticChunks };
}

/**
 * The bench's 200 search queries: the evaluation questions, then (when there are fewer than 200 of them) sentences
 * of the corpus itself, the first sentence of every 7th file.
 */
export function benchQueries(corpusDir: string, questions: string[]): string[] {
  if (questions.length >= 200) return questions.slice(0, 200);
  const files = readdirSync(corpusDir).sort().filter((_, i) => i % 7 === 0);
  const sentences = files.flatMap((f) => {
    const text = cleanText(readFileSync(join(corpusDir, f), 'utf8')).text;
    const span = sentenceSpans(text).find((s) => s.end - s.start > 40);
    return span ? [text.slice(span.start, span.end).slice(0, 300)] : [];
  });
  return [...questions, ...sentences].slice(0, 200);
}
