// Abgleich in beide Richtungen, auf Deutsch: die Zeile auf der Startseite über Änderungen auf
// diesem Computer, die noch gesendet werden müssen oder die der Server abgelehnt hat. Gleiche
// Form wie en.sync.ts (`satisfies SyncStrings`).
import type { SyncStrings } from './en.sync';

export const sync = {
  waiting: (n: number) => (n === 1 ? '1 Änderung wartet auf das Senden' : `${n} Änderungen warten auf das Senden`),
  refused: (n: number, why: string) =>
    n === 1 ? `1 Änderung konnte nicht gesendet werden: ${why}` : `${n} Änderungen konnten nicht gesendet werden: ${why}`,
  lastError: (why: string) => `Letzter Versuch: ${why}`,
  label: 'Zu sendende Änderungen',
} satisfies SyncStrings;
