// Sincronizzazione nei due sensi, in italiano: la riga della Home sulle modifiche fatte su questo
// computer che aspettano ancora di essere inviate o che il server ha rifiutato. Stessa forma di
// en.sync.ts (`satisfies SyncStrings`).
import type { SyncStrings } from './en.sync';

export const sync = {
  waiting: (n: number) => (n === 1 ? '1 modifica in attesa di invio' : `${n} modifiche in attesa di invio`),
  refused: (n: number, why: string) =>
    n === 1 ? `Impossibile inviare 1 modifica: ${why}` : `Impossibile inviare ${n} modifiche: ${why}`,
  lastError: (why: string) => `Ultimo tentativo: ${why}`,
  label: 'Modifiche da inviare',
} satisfies SyncStrings;
