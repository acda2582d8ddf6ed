import { INTERROGATIVES } from './interrogatives.js';

/**
 * The parts of a question that asks two things ("When was it proposed, and in which city was it welcomed?",
 * "Combien de pays membres a l'OIM et dans combien de pays est-elle présente ?"): split where a coordinator or a
 * second question mark is followed by a new interrogative. A question that asks one thing comes back whole.
 */
export function splitQuestion(question: string): string[] {
  const text = question.trim();
  const match = SECOND_QUESTION.exec(text);
  // A name before the interrogative makes "and" join two subjects, and the interrogative open a clause: "what did
  // Paul Dervaux and Anne Kessler sign when they met?" asks one thing.
  if (!match || /\p{Lu}/u.test(match[2]!)) return [text];
  const first = text.slice(0, match.index).replace(/[\s,;]+$/u, '').trim();
  const second = text.slice(match.index + match[1]!.length).trim();
  // Each part must still ask something of its own (three words or more).
  if (first.split(/\s+/).length < 3 || second.split(/\s+/).length < 3) return [text];
  return [/[?？]$/u.test(first) ? first : `${first}?`, withGapFilled(first, second)];
}

// A bare interrogative that opens a question, then what it asks about up to the first preposition: "Who [is quoted]
// for …", "How many [delegations attended] in …", "Combien [de délégations ont participé] en …". The phrases come
// first: "how many" is read whole, not as "how" asking "many delegations…".
const BARE_WH = String.raw`(?:how many|how much|${[...INTERROGATIVES, 'quoi'].join('|')})`;
const PREPOSITION = String.raw`(?:for|in|at|on|during|from|to|with|by|under|according to|pour|en|dans|à|au|aux|lors de|lors du|selon|avec|par|chez|sur)`;
const ASKED = new RegExp(String.raw`^${BARE_WH}\s+(.+?)\s+${PREPOSITION}(?!\p{L})`, 'iu');
const GAPPED = new RegExp(String.raw`^(${BARE_WH})\s+(?=${PREPOSITION}(?!\p{L}))`, 'iu');

/**
 * A second part that leaves out what the first asked ("…, and who for the Belgian side?", "et combien en 2020 ?")
 * takes it from the first: "who is quoted for the Belgian side?". Other parts come back as they are.
 */
function withGapFilled(first: string, second: string): string {
  const gap = GAPPED.exec(second);
  const asked = ASKED.exec(first)?.[1];
  if (!gap || !asked) return second;
  return `${gap[1]} ${asked} ${second.slice(gap[0].length)}`;
}

// Interrogatives of French and English that open the second question, after at most three short words ("et à partir
// de quand", "and in which city", "and for how long"; captured); "qu'" or "que" before an inverted verb ("et qu'offre-t-elle ?").
const WH = `((?:[\\p{L}'’-]{1,8}\\s+){0,3})(?:${[...INTERROGATIVES, 'whose'].join('|')}|in which|in what|dans quel|dans quelle|à quelle|en quelle|de quel|de quelle|est-ce|qu['’]\\p{L}+-(?:t-)?(?:il|elle|ils|elles|on)|que\\s+\\p{L}+-(?:t-)?(?:il|elle|ils|elles|on))`;
const SECOND_QUESTION = new RegExp(`((?:,\\s*|\\s+)(?:and|et|puis|then)\\s+|[?？]\\s+(?:and\\s+|et\\s+)?)(?=${WH}\\b)`, 'iu');
