// La synchronisation dans les deux sens, en français : la ligne de l’Accueil sur les changements
// faits sur cet ordinateur qui attendent encore d’être envoyés ou que le serveur a refusés. Même
// forme que en.sync.ts (`satisfies SyncStrings`). Espaces insécables avant les deux-points.
import type { SyncStrings } from './en.sync';

export const sync = {
  waiting: (n: number) => (n === 1 ? '1 changement en attente d’envoi' : `${n} changements en attente d’envoi`),
  refused: (n: number, why: string) =>
    n === 1 ? `Impossible d’envoyer 1 changement : ${why}` : `Impossible d’envoyer ${n} changements : ${why}`,
  lastError: (why: string) => `Dernier essai : ${why}`,
  label: 'Changements à envoyer',
} satisfies SyncStrings;
