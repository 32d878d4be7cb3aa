// Einstellungen → „Meine Bibliothek in die Cloud bringen“, auf Deutsch (Eltern werden geduzt).
// Gleiche Form wie en.moving.ts: `satisfies MovingStrings` lässt svelte-check scheitern, wenn ein
// Schlüssel fehlt.
import type { MovingStrings } from './en.moving';

export const moving = {
  title: 'Meine Bibliothek in die Cloud bringen',
  intro:
    'Kopiert alles, was auf diesem Computer entstanden ist – Helden und ihre Bilder, eigene Ereignisse, Geschichten mit Vertonung und Bildern, was gehört wurde – in dein Supabase-Projekt. Hier wird nichts gelöscht, und die App bleibt auf diesem Computer, bis du unter „Wo Geschichten entstehen“ wechselst.',
  projectAddress: 'Adresse des Projekts',
  anonKey: 'Projektschlüssel (anon oder publishable)',
  keyHint: 'Leer: der Schlüssel des auf diesem Computer gespeicherten Projekts.',
  email: 'E-Mail deines Kontos im Projekt',
  password: 'Passwort dieses Kontos',
  accountHint: 'Lass beides leer, um das Konto zu nutzen, das in diesem Projekt schon angemeldet ist.',
  start: 'Bibliothek umziehen',
  resume: 'Umzug fortsetzen',
  cancel: 'Umzug abbrechen',
  needAddress: 'Gib die Adresse des Projekts ein, z. B. https://abcd.supabase.co.',
  unfinished: (url: string) => `Ein Umzug nach ${url} wurde mittendrin unterbrochen. Ein neuer Start macht dort weiter; nichts wird doppelt kopiert.`,
  progressLabel: 'Die Bibliothek zieht um',
  steps: {
    connecting: 'Anmeldung beim Projekt …',
    reading: 'Lesen, was kopiert wird …',
    files: 'Vertonungen und Bilder werden kopiert …',
    rows: 'Helden, Ereignisse und Geschichten werden kopiert …',
    verifying: 'Prüfen, ob alles angekommen ist …',
    done: 'Fertig',
    failed: 'Angehalten',
    cancelled: 'Abgebrochen',
  },
  counted: (done: number, total: number) => `${done} von ${total} Einträgen`,
  sizes: (done: string, total: string) => `${done} von ${total}`,
  cancelled: 'Der Umzug wurde abgebrochen. Ein neuer Start macht dort weiter, wo er aufgehört hat.',
  failed: 'Der Umzug wurde angehalten. Ein neuer Start macht dort weiter, wo er aufgehört hat.',
  reportTitle: 'Was umgezogen ist',
  complete: 'Alles ist angekommen und geprüft. Um ab jetzt das Projekt zu nutzen, wähle „Mein Supabase-Projekt“ unter „Wo Geschichten entstehen“.',
  incomplete: 'Einiges konnte nicht kopiert werden (unten aufgelistet). Ein neuer Start versucht es noch einmal.',
  resumed: 'Dieser Umzug hat einen mittendrin unterbrochenen fortgesetzt.',
  columns: { what: 'Was', here: 'Auf diesem Computer', there: 'Im Projekt' },
  tableNames: {
    heroes: 'Helden',
    custom_events: 'Eigene Ereignisse',
    stories: 'Geschichten',
    story_scenes: 'Szenen',
    story_illustrations: 'Szenenbilder',
    listening_sessions: 'Hörsitzungen',
  },
  files: (verified: number, total: number, size: string) =>
    `${verified} von ${total} Dateien Byte für Byte geprüft (SHA-256), ${size}.`,
  failures: 'Nicht kopiert',
} satisfies MovingStrings;
