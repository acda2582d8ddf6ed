import { afterAll, describe, expect, it, vi } from 'vitest';
import { createApertiumTranslator, type ApertiumTranslatorOptions } from '../../src/translate/apertium-translator.js';
import { apertiumDir, apertiumInstalled } from '../helpers/apertium.js';
import { alive, commandNames, descendants } from '../helpers/processes.js';

const installed = apertiumInstalled('the installed-Apertium translator tests');
const opened: Array<{ close: () => Promise<void> }> = [];
afterAll(async () => {
  await Promise.all(opened.map((t) => t.close()));
});

function translator(options: Partial<ApertiumTranslatorOptions> = {}) {
  const lines: string[] = [];
  const created = createApertiumTranslator({ dir: apertiumDir, log: (line) => lines.push(line), ...options });
  opened.push(created);
  return { translator: created, lines };
}


describe('Apertium translator with stand-in programs', () => {
  it('returns null for every text of a hung pipeline after the timeout, with one log line saying why', async () => {
    const { translator: hung, lines } = translator({ stagesOf: () => [['sleep', '600']], timeoutMs: 300 });
    const results = await hung.translate(['Premier texte.', 'Second texte.'], 'fr', 'en');
    expect(results).toEqual([null, null]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/fr→en \(apertium\): 2 of 2 texts untranslated: apertium fr-es: no answer within 300 ms/);
  });

  it('passes texts through the stream format and localises acronyms after the engine', async () => {
    const { translator: identity } = translator({ stagesOf: () => [['cat']] });
    const [result] = await identity.translate(["L'OIM et le HCR [note] : 50 % a/b.\nFin."], 'fr', 'en');
    expect(result).toEqual({ text: "L'IOM et le UNHCR [note] : 50 % a/b.\nFin.", engine: 'apertium' });
  });

  it('leaves a text over the length limit untranslated and says so', async () => {
    const { translator: identity, lines } = translator({ stagesOf: () => [['cat']], maxTextChars: 10 });
    expect(await identity.translate(['court', 'bien trop long pour la limite'], 'fr', 'en')).toEqual([{ text: 'court', engine: 'apertium' }, null]);
    expect(lines[0]).toMatch(/1 of 2 texts untranslated: a text of 29 characters is over the 10 limit/);
  });
});

describe.runIf(installed)('installed Apertium (fr-es + spa-eng, eng-spa + es-fr)', () => {
  const { translator: apertium, lines } = translator();

  it('translates a French quote into English within the translation timeout, with the glossary applied', async () => {
    const [result] = await apertium.translate(["L'OIM a été créée à Bruxelles en 1951 et travaille avec le HCR."], 'fr', 'en');
    expect(result?.engine).toBe('apertium');
    expect(result?.text).toMatch(/\bIOM\b.*\bBrussels\b.*\b1951\b.*\bUNHCR\b/);
    expect(result?.text).not.toMatch(/\bOIM\b|\bHCR\b|[*#@]/);
    expect(lines).toEqual([]);
  });

  it('leaves the spans it is told to keep as written: a name is not translated word by word', async () => {
    const text = '« Le réseau est un grand pas en avant », a déclaré Luc De Smet, porte-parole.';
    const name = { start: text.indexOf('Luc De Smet'), end: text.indexOf('Luc De Smet') + 'Luc De Smet'.length };
    const { translator: keeping } = translator({ keep: () => [name] });
    const [result] = await keeping.translate([text], 'fr', 'en');
    expect(result?.text).toMatch(/\bLuc De Smet\b/);
    expect(result?.text).toMatch(/\bspokes(?:man|person|woman)\b/);
  });

  it('translates an English text into French with the glossary applied', async () => {
    const [result] = await apertium.translate(['The IOM opened an office in Brussels to help migrants and refugees.'], 'en', 'fr');
    expect(result?.text).toMatch(/\bOIM\b/);
    expect(result?.text).toMatch(/\bBruxelles\b/);
    expect(result?.text).toMatch(/\b(migrants|réfugiés)\b/);
    expect(result?.text).not.toMatch(/\bIOM\b|[*#@]/);
  });

  it('restarts a killed pipeline process: the next call still translates', async () => {
    await apertium.translate(['Bonjour.'], 'fr', 'en');
    const shell = apertium.processIds()['fr-es']!;
    const programs = descendants(shell);
    expect(commandNames(programs)).toContain('apertium-tagger');
    const tagger = programs[commandNames(programs).indexOf('apertium-tagger')]!;
    process.kill(tagger, 'SIGKILL');
    await vi.waitFor(() => expect(apertium.processIds()['fr-es']).toBeNull());
    const [result] = await apertium.translate(["L'Organisation a été créée à Bruxelles."], 'fr', 'en');
    expect(result?.text).toMatch(/\bOrganisation\b.*\bBrussels\b/);
    expect(apertium.processIds()['fr-es']).not.toBe(shell);
    await vi.waitFor(() => expect([shell, ...programs].filter(alive)).toEqual([]));
  });

  it('leaves no Apertium process behind when closed', async () => {
    const shells = Object.values(apertium.processIds()).filter((pid) => pid !== null);
    const processes = [...shells, ...shells.flatMap(descendants)];
    expect(commandNames(processes)).toContain('lt-proc');
    await apertium.close();
    expect(processes.filter(alive)).toEqual([]);
  });
});
