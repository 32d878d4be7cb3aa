// Impostazioni → «Porta la mia biblioteca nel cloud», in italiano (si dà del tu ai genitori).
// Stessa forma di en.moving.ts: `satisfies MovingStrings` fa fallire svelte-check se manca una
// chiave.
import type { MovingStrings } from './en.moving';

export const moving = {
  title: 'Porta la mia biblioteca nel cloud',
  intro:
    'Copia tutto ciò che è stato creato su questo computer — gli eroi e i loro ritratti, i tuoi eventi, le storie con la narrazione e le illustrazioni, ciò che è stato ascoltato — nel tuo progetto Supabase. Qui non si cancella nulla, e l’app continua a usare questo computer finché non cambi in «Dove nascono le storie».',
  projectAddress: 'Indirizzo del progetto',
  anonKey: 'Chiave del progetto (anon o publishable)',
  keyHint: 'Vuota: la chiave del progetto salvato su questo computer.',
  email: 'Email del tuo account sul progetto',
  password: 'Password di quell’account',
  accountHint: 'Lascia vuoti entrambi per usare l’account già collegato a quel progetto.',
  start: 'Porta la mia biblioteca',
  resume: 'Continua il trasferimento',
  cancel: 'Annulla il trasferimento',
  needAddress: 'Scrivi l’indirizzo del progetto, ad es. https://abcd.supabase.co.',
  unfinished: (url: string) => `Un trasferimento verso ${url} si è fermato a metà. Ripartendo, continua da dove si era fermato; niente viene copiato due volte.`,
  progressLabel: 'Trasferimento della biblioteca',
  steps: {
    connecting: 'Accesso al progetto…',
    reading: 'Lettura di cosa copiare…',
    files: 'Copia di narrazioni e illustrazioni…',
    rows: 'Copia di eroi, eventi e storie…',
    verifying: 'Controllo che sia arrivato tutto…',
    done: 'Finito',
    failed: 'Fermato',
    cancelled: 'Annullato',
  },
  counted: (done: number, total: number) => `${done} di ${total} elementi`,
  sizes: (done: string, total: string) => `${done} di ${total}`,
  cancelled: 'Il trasferimento è stato annullato. Ripartendo, continua da dove si era fermato.',
  failed: 'Il trasferimento si è fermato. Ripartendo, continua da dove si era fermato.',
  reportTitle: 'Cosa è stato trasferito',
  complete: 'È arrivato tutto ed è stato controllato. Per usare il progetto da ora in poi, scegli «Il mio progetto Supabase» in «Dove nascono le storie».',
  incomplete: 'Alcune cose non è stato possibile copiarle (elencate sotto). Ripartendo si riprova.',
  resumed: 'Questo trasferimento ha continuato uno che si era fermato a metà.',
  columns: { what: 'Cosa', here: 'Su questo computer', there: 'Sul progetto' },
  tableNames: {
    heroes: 'Eroi',
    custom_events: 'I tuoi eventi',
    stories: 'Storie',
    story_scenes: 'Scene',
    story_illustrations: 'Illustrazioni delle scene',
    listening_sessions: 'Sessioni di ascolto',
  },
  files: (verified: number, total: number, size: string) =>
    `${verified} di ${total} file controllati byte per byte (SHA-256), ${size}.`,
  failures: 'Non copiato',
} satisfies MovingStrings;
