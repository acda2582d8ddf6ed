/** Colour themes; the first visit follows the system's preference. */
export type Theme = 'light' | 'dark';

const THEME_KEY = 'communiques.theme';

/** The stored choice, else the system's preference. */
export function initialTheme(): Theme {
  const stored = localStorage.getItem(THEME_KEY);
  if (stored === 'light' || stored === 'dark') return stored;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Applies a theme (styles.css keys its colours on `data-theme`) and marks the switch's pressed button. */
export function applyTheme(theme: Theme, remember = false): void {
  document.documentElement.dataset.theme = theme;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-choice]')) button.setAttribute('aria-pressed', String(button.dataset.themeChoice === theme));
  if (remember) {
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Storage disabled: the choice holds for this page only.
    }
  }
}
