import type { AnswerLanguage } from '../text/detect-language.js';

/** The fixed sentences of answers, in both languages. */
export const messages: Record<AnswerLanguage, {
  leadIn: string;
  leadInTranslated: (sourceLanguage: string) => string;
  /** Introduces quotes from one communiqué: its title, its date when known, the quotes' language when foreign. */
  fromDocument: (title: string, date: string | null, foreignLanguage: string | null) => string;
  refusal: string;
  /** Labels a machine translation of a quote. */
  machineTranslation: string;
  /** Says that one part of a two-part question is not in the communiqués. */
  partNotFound: (part: string) => string;
  /** The colon before a label's value (French sets it off with a narrow no-break space). */
  colon: string;
  /** Says which of two compared things came first, each with its citation. */
  cameFirst: (first: string, then: string) => string;
  open: string;
  close: string;
}> = {
  fr: {
    leadIn: 'D’après les communiqués :',
    leadInTranslated: (lang) => `D’après les communiqués (citations en ${languageName.fr[lang] ?? lang}) :`,
    fromDocument: (title, date, lang) => `D’après le communiqué « ${title} »${date ? ` (${date})` : ''}${lang ? `, cité en ${languageName.fr[lang] ?? lang}` : ''} :`,
    refusal: 'Je ne trouve pas cette information dans les communiqués.',
    partNotFound: (part) => `Les communiqués ne disent pas : « ${part} »`,
    colon: '\u202f:',
    cameFirst: (first, then) => `D’abord\u202f: ${first}, puis\u202f: ${then}.`,
    machineTranslation: 'traduction automatique',
    open: '« ',
    close: ' »',
  },
  en: {
    leadIn: 'According to the communiqués:',
    leadInTranslated: (lang) => `According to the communiqués (quoted in the original ${languageName.en[lang] ?? lang}):`,
    fromDocument: (title, date, lang) => `According to the communiqué “${title}”${date ? ` (${date})` : ''}${lang ? `, quoted in the original ${languageName.en[lang] ?? lang}` : ''}:`,
    refusal: 'I could not find this in the communiqués.',
    partNotFound: (part) => `The communiqués do not say: “${part}”`,
    colon: ':',
    cameFirst: (first, then) => `First: ${first}; then: ${then}.`,
    machineTranslation: 'machine translation',
    open: '“',
    close: '”',
  },
};

const languageName: Record<AnswerLanguage, Record<string, string>> = {
  fr: { fr: 'français', en: 'anglais', es: 'espagnol', de: 'allemand' },
  en: { fr: 'French', en: 'English', es: 'Spanish', de: 'German' },
};
