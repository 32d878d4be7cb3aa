// Light, dark or follow the system; remembered on this computer. The choice is applied as
// `data-theme` on <html>, which app.css reads.
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'theme';

function read(): ThemeChoice {
  const saved = globalThis.localStorage?.getItem(KEY);
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

export class Theme {
  choice = $state<ThemeChoice>(read());

  constructor() {
    this.#apply();
  }

  set(choice: ThemeChoice): void {
    this.choice = choice;
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
    this.#apply();
  }

  #apply(): void {
    const root = globalThis.document?.documentElement;
    if (!root) return;
    if (this.choice === 'system') delete root.dataset.theme;
    else root.dataset.theme = this.choice;
  }
}
