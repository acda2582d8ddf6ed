/** Interface languages. */
export type Lang = 'fr' | 'en';

/** Every string the page shows, in both languages. */
export const strings = {
  fr: {
    tagline: 'Vos questions sur les communiqués de l’OIM, avec les sources',
    newChat: 'Nouvelle conversation',
    intro: 'Posez une question en français ou en anglais. Chaque réponse cite les communiqués et renvoie au passage exact.',
    examplesLabel: 'Exemples tirés des communiqués',
    exampleQuestion: (title: string) => `Que disent les communiqués sur « ${title} » ?`,
    questionLabel: 'Votre question',
    placeholder: 'Posez votre question sur les communiqués…',
    send: 'Envoyer',
    stop: 'Arrêter',
    close: 'Fermer',
    copy: 'Copier la réponse',
    copied: 'Copié',
    sources: 'Sources',
    mayLook: 'Vous pouvez consulter :',
    notFound: 'Pas de réponse dans les communiqués',
    stopped: 'Réponse interrompue.',
    references: 'Références',
    dateUnknown: 'date inconnue',
    quotedInAnswer: (count: number) => (count > 1 ? 'passages cités dans la réponse' : 'passage cité dans la réponse'),
    openPassage: (n: number) => `Ouvrir le passage ${n} dans le communiqué`,
    statusLine: (d: number, c: number, emb: string, mode: string) => `${d} communiqués · ${c} passages · plongements ${emb} · ${mode}`,
    extractive: 'réponses extractives',
    llm: (m: string) => `réponses générées (${m})`,
    offline: 'Serveur injoignable',
    fallback: 'Le modèle de langue n’a pas répondu : réponse extractive.',
    unreachable: 'Impossible de joindre le serveur. Vérifiez votre connexion (ou que le serveur tourne), puis réessayez.',
    busy: 'Le serveur est occupé ou n’a pas répondu à temps. Réessayez dans un instant.',
    rateLimited: (seconds?: number) => `Trop de questions en peu de temps. Réessayez${seconds ? ` dans ${seconds} s` : ' dans un instant'}.`,
    rejected: (message: string) => `Le serveur n’a pas accepté la question (${message}).`,
    failed: 'La réponse a échoué à cause d’une erreur du serveur. Réessayez.',
    retry: 'Réessayer',
    filters: 'Filtres',
    filterSources: 'Communiqués',
    filterFrom: 'Du',
    filterTo: 'Au',
    clearFilters: 'Effacer les filtres',
    filtersNone: 'tous les communiqués',
    filtersSummary: (sources: number, from: string, to: string) =>
      [sources ? `${sources} communiqué${sources > 1 ? 's' : ''}` : '', from ? `depuis le ${from}` : '', to ? `jusqu’au ${to}` : ''].filter(Boolean).join(', '),
    filteredBy: (summary: string) => `Filtre : ${summary}`,
    theme: 'Thème',
    light: 'Clair',
    dark: 'Sombre',
    language: 'Langue',
    quoteOpen: '« ',
    quoteClose: ' »',
    machineTranslation: 'Traduction automatique',
    original: 'Original',
    originalText: 'Citation originale',
    originalTitle: 'Titre original :',
    showOriginal: 'Voir l’original',
    showTranslation: 'Voir la traduction',
    translationView: 'Traduction',
    originalView: 'Original',
    documentView: 'Texte affiché',
    translating: 'Traduction en cours…',
    translationFailed: 'Traduction indisponible : texte original.',
    noTranslation: 'citations dans leur langue d’origine (pas de traduction automatique installée)',
  },
  en: {
    tagline: 'Questions about IOM press releases, answered from the texts',
    newChat: 'New conversation',
    intro: 'Ask a question in French or English. Every answer quotes the communiqués and links to the exact passage.',
    examplesLabel: 'Examples from the communiqués',
    exampleQuestion: (title: string) => `What do the communiqués say about “${title}”?`,
    questionLabel: 'Your question',
    placeholder: 'Ask your question about the communiqués…',
    send: 'Send',
    stop: 'Stop',
    close: 'Close',
    copy: 'Copy answer',
    copied: 'Copied',
    sources: 'Sources',
    mayLook: 'You may look at:',
    notFound: 'Not found in the communiqués',
    stopped: 'Answer stopped.',
    references: 'References',
    dateUnknown: 'date unknown',
    quotedInAnswer: (count: number) => (count > 1 ? 'passages quoted in the answer' : 'passage quoted in the answer'),
    openPassage: (n: number) => `Open passage ${n} in the communiqué`,
    statusLine: (d: number, c: number, emb: string, mode: string) => `${d} communiqués · ${c} passages · ${emb} embeddings · ${mode}`,
    extractive: 'extractive answers',
    llm: (m: string) => `generated answers (${m})`,
    offline: 'Server unreachable',
    fallback: 'The language model did not answer: extractive answer.',
    unreachable: 'Cannot reach the server. Check your connection (or that the server is running), then try again.',
    busy: 'The server is busy or did not answer in time. Try again in a moment.',
    rateLimited: (seconds?: number) => `Too many questions in a short time. Try again${seconds ? ` in ${seconds} s` : ' in a moment'}.`,
    rejected: (message: string) => `The server did not accept the question (${message}).`,
    failed: 'The answer failed because of a server error. Try again.',
    retry: 'Try again',
    filters: 'Filters',
    filterSources: 'Communiqués',
    filterFrom: 'From',
    filterTo: 'To',
    clearFilters: 'Clear filters',
    filtersNone: 'all communiqués',
    filtersSummary: (sources: number, from: string, to: string) =>
      [sources ? `${sources} communiqué${sources > 1 ? 's' : ''}` : '', from ? `from ${from}` : '', to ? `until ${to}` : ''].filter(Boolean).join(', '),
    filteredBy: (summary: string) => `Filter: ${summary}`,
    theme: 'Theme',
    light: 'Light',
    dark: 'Dark',
    language: 'Language',
    quoteOpen: '“',
    quoteClose: '”',
    machineTranslation: 'Machine translation',
    original: 'Original',
    originalText: 'Original quote',
    originalTitle: 'Original title:',
    showOriginal: 'Show original',
    showTranslation: 'Show translation',
    translationView: 'Translation',
    originalView: 'Original',
    documentView: 'Text shown',
    translating: 'Translating…',
    translationFailed: 'Translation unavailable: original text.',
    noTranslation: 'quotes in their original language (no machine translation installed)',
  },
} as const;

/** The strings of one language. */
export type Strings = (typeof strings)[Lang];

/** The browser's preferred interface language (French or English). */
export function browserLang(): Lang {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = tag.toLowerCase().slice(0, 2);
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}

/** A date as people read it in the interface language ("29 octobre 2019", "29 October 2019"). */
export function formatDate(date: string | null, lang: Lang): string {
  if (!date) return strings[lang].dateUnknown;
  const parts = date.split('-').map(Number);
  const [year = NaN, month = 1, day = 1] = parts;
  const value = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(value.getTime())) return date;
  // A date known only to the month or the year is shown as such, not as the first day.
  const precision: Intl.DateTimeFormatOptions = parts.length >= 3 ? { day: 'numeric', month: 'long' } : parts.length === 2 ? { month: 'long' } : {};
  return value.toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', { ...precision, year: 'numeric', timeZone: 'UTC' });
}
