import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Reads the versioned answer prompt (`prompts/answer.md`) on Node; the worker bundles it as text instead. */
export function loadPromptTemplate(path = resolve(import.meta.dirname, '../../prompts/answer.md')): string {
  return readFileSync(path, 'utf8');
}
