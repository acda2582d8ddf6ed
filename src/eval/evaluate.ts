import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnswerer } from '../answer/create-answerer.js';
import { peopleNames } from '../answer/extract-answer.js';
import { createNodeRetriever, runIndexBuild } from '../runtime/node-runtime.js';
import type { AppConfig } from '../config/config.js';
import { AppError } from '../errors.js';
import { openIndex } from '../index/open-index.js';
import { withAcronyms } from '../lexicon/lexical-knowledge.js';
import { loadLexicalKnowledge } from '../lexicon/load-knowledge.js';
import { loadLexicon } from '../retrieval/bilingual-lexicon.js';
import { runEval, type EvalQuestion, type EvalReport } from './run-eval.js';
import { runClaimsEval, type EvalClaim } from './run-claims-eval.js';
import { createVerifier } from '../verify/create-verifier.js';
import { createTranslator } from '../translate/create-translator.js';
import type { Translator } from '../translate/translator.js';

/** Reads eval/questions.jsonl (one JSON question per line). */
export async function readQuestions(path: string): Promise<EvalQuestion[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line) as EvalQuestion;
      } catch {
        throw new AppError('bad_request', `${path}:${i + 1} is not valid JSON.`);
      }
    });
}

/**
 * Evaluates the configured corpus and embedder on a fresh index in a temporary folder (the user's index is not
 * touched): vector, BM25 and hybrid retrieval with and without dictionary expansion, and answers with and without it;
 * optionally the refusal curve over the answer policy's `minCoverage` at the given thresholds, and the claim check
 * on labelled claims.
 */
export async function evaluate(
  config: AppConfig,
  questions: EvalQuestion[],
  log: (line: string) => void = () => {},
  options: { curve?: number[]; claims?: EvalClaim[] } = {},
): Promise<EvalReport> {
  const dir = await mkdtemp(join(tmpdir(), 'communiques-eval-'));
  let translator: Translator | undefined;
  try {
    const indexConfig = { ...config, indexDir: dir };
    const { lexicon } = config.queryExpansion ? await loadLexicon(config.dictDir, dir) : { lexicon: null };
    const { embeddings } = await runIndexBuild(indexConfig, log, lexicon);
    const index = await openIndex(dir);
    const withDictionary = createNodeRetriever({ embeddings, index, lexicon, options: config.retrieval });
    const withoutDictionary = createNodeRetriever({ embeddings, index, lexicon: null, options: config.retrieval });
    const base = loadLexicalKnowledge({ lexicon, thesaurusDir: config.thesaurusDir }).knowledge;
    const knowledge = { ...base, glossary: withAcronyms(base.glossary, index.acronyms) };
    translator = createTranslator(config.translation, { chatModel: null, model: 'none', log, keep: (text) => peopleNames(text, knowledge) });
    const answerer = createAnswerer({ knowledge });
    // The product translates when an engine is installed (TRANSLATION=auto): evaluated first, as users get it.
    const translated = translator.info.engine === 'none' ? [] : [{ name: 'extractive+dict+mt', retriever: lexicon ? withDictionary : withoutDictionary, answerer: createAnswerer({ knowledge, translator }) }];
    const expansion = lexicon ? [{ label: '+dict', retriever: withDictionary }, { label: '', retriever: withoutDictionary }] : [{ label: '', retriever: withoutDictionary }];
    const retrievalConfigs = expansion.flatMap(({ label, retriever }) =>
      (['vector', 'lexical', 'hybrid'] as const).map((mode) => ({ name: `${mode}${label}`, retriever, options: { mode } })),
    );
    const answerConfigs = [...translated, ...expansion.map(({ label, retriever }) => ({ name: `extractive${label}`, retriever, answerer }))];
    const curve = (options.curve ?? []).map((threshold) => ({ threshold, answerer: createAnswerer({ knowledge, translator, policy: { minCoverage: threshold } }) }));
    const report = await runEval(questions, retrievalConfigs, answerConfigs, curve);
    if (options.claims?.length) report.claims = await runClaimsEval(options.claims, createVerifier({ knowledge, translator }), withDictionary);
    return report;
  } finally {
    await translator?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Minimum values a run must reach, per `configuration.group.metric` (eval/floors.json). */
export type Floors = Record<string, number>;

/** The floors a report falls below, as readable lines (empty when all hold). */
export function checkFloors(report: EvalReport, floors: Floors): string[] {
  const misses: string[] = [];
  for (const [key, floor] of Object.entries(floors)) {
    const [section, name, group, metric] = key.split('.');
    const table = section === 'retrieval' ? report.retrieval : report.answers;
    const value = (table[name!]?.[group!] as unknown as Record<string, number> | undefined)?.[metric!];
    if (value === undefined) misses.push(`${key}: not measured`);
    else if (value < floor) misses.push(`${key}: ${value} < floor ${floor}`);
  }
  return misses;
}
