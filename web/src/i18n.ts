/** Interface languages. */
export type Lang = 'fr' | 'en';

/** Every string the page shows, in both languages. */
export const strings = {
  fr: {
    tagline: 'Vos questions sur les communiqués de l’OIM, avec les sources',
    newChat: 'Nouvelle conversation',
    intro: 'Posez une question en français ou en anglais. Chaque réponse cite les communiqués et renvoie au passage exact.',
    questionLabel: 'Votre question',
    placeholder: 'Ex. : Combien de délégations ont participé à la conférence de solidarité ?',
    send: 'Envoyer',
    stop: 'Arrêter',
    close: 'Fermer',
    copy: 'Copier la réponse',
    copied: 'Copié',
    sources: 'Sources',
    mayLook: 'Vous pouvez consulter :',
    notFound: 'Pas de réponse dans les communiqués',
    stopped: 'Réponse interrompue.',
    error: 'La réponse a échoué',
    references: 'Références',
    undated: 'sans date',
    statusLine: (d: number, c: number, emb: string, mode: string) => `${d} communiqués · ${c} passages · plongements ${emb} · ${mode}`,
    extractive: 'réponses extractives',
    llm: (m: string) => `réponses générées (${m})`,
    offline: 'Serveur injoignable',
    fallback: 'Le modèle de langue n’a pas répondu : réponse extractive.',
    examples: ['Combien de délégations ont participé à la conférence de solidarité ?', 'Quand Jean Asselborn a-t-il rencontré le directeur général de l’OIM ?', 'Which countries host the most Venezuelan refugees?'],
  },
  en: {
    tagline: 'Questions about IOM press releases, answered from the texts',
    newChat: 'New conversation',
    intro: 'Ask a question in French or English. Every answer quotes the communiqués and links to the exact passage.',
    questionLabel: 'Your question',
    placeholder: 'E.g. Which countries host the most Venezuelan refugees?',
    send: 'Send',
    stop: 'Stop',
    close: 'Close',
    copy: 'Copy answer',
    copied: 'Copied',
    sources: 'Sources',
    mayLook: 'You may look at:',
    notFound: 'Not found in the communiqués',
    stopped: 'Answer stopped.',
    error: 'The answer failed',
    references: 'References',
    undated: 'undated',
    statusLine: (d: number, c: number, emb: string, mode: string) => `${d} communiqués · ${c} passages · ${emb} embeddings · ${mode}`,
    extractive: 'extractive answers',
    llm: (m: string) => `generated answers (${m})`,
    offline: 'Server unreachable',
    fallback: 'The language model did not answer: extractive answer.',
    examples: ['Which countries host the most Venezuelan refugees?', 'How many projects did the EU and IOM carry out between 2015 and 2019?', 'Quel accord la Belgique a-t-elle signé avec l’OIM ?'],
  },
} as const;

/** The browser's preferred interface language (French or English). */
export function browserLang(): Lang {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = tag.toLowerCase().slice(0, 2);
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}
