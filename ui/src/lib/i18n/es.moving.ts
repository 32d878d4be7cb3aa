// Ajustes → «Llevar mi biblioteca a la nube», en español (tuteando a los padres). Misma forma
// que en.moving.ts: `satisfies MovingStrings` hace que svelte-check falle si falta una clave.
import type { MovingStrings } from './en.moving';

export const moving = {
  title: 'Llevar mi biblioteca a la nube',
  intro:
    'Copia todo lo creado en este ordenador —los héroes y sus retratos, tus propios eventos, las historias con su narración y sus ilustraciones, lo que se ha escuchado— a tu proyecto de Supabase. Aquí no se borra nada, y la app sigue usando este ordenador hasta que cambies en «Dónde se crean las historias».',
  projectAddress: 'Dirección del proyecto',
  anonKey: 'Clave del proyecto (anon o publishable)',
  keyHint: 'Vacía: la clave del proyecto guardado en este ordenador.',
  email: 'Correo de tu cuenta en el proyecto',
  password: 'Contraseña de esa cuenta',
  accountHint: 'Deja los dos vacíos para usar la cuenta que ya tiene la sesión abierta en ese proyecto.',
  start: 'Llevar mi biblioteca',
  resume: 'Continuar el traslado',
  cancel: 'Cancelar el traslado',
  needAddress: 'Escribe la dirección del proyecto, p. ej. https://abcd.supabase.co.',
  unfinished: (url: string) => `Un traslado a ${url} se detuvo a medias. Al volver a empezar, continúa donde se quedó; nada se copia dos veces.`,
  progressLabel: 'Trasladando la biblioteca',
  steps: {
    connecting: 'Iniciando sesión en el proyecto…',
    reading: 'Leyendo qué hay que copiar…',
    files: 'Copiando narraciones e ilustraciones…',
    rows: 'Copiando héroes, eventos e historias…',
    verifying: 'Comprobando que todo ha llegado…',
    done: 'Terminado',
    failed: 'Detenido',
    cancelled: 'Cancelado',
  },
  counted: (done: number, total: number) => `${done} de ${total} elementos`,
  sizes: (done: string, total: string) => `${done} de ${total}`,
  cancelled: 'Se ha cancelado el traslado. Al volver a empezar, continúa donde se quedó.',
  failed: 'El traslado se ha detenido. Al volver a empezar, continúa donde se quedó.',
  reportTitle: 'Qué se ha trasladado',
  complete: 'Todo ha llegado y se ha comprobado. Para usar el proyecto a partir de ahora, elige «Mi proyecto de Supabase» en «Dónde se crean las historias».',
  incomplete: 'Algunas cosas no se han podido copiar (abajo). Al volver a empezar se intentan de nuevo.',
  resumed: 'Este traslado continuó uno que se había detenido a medias.',
  columns: { what: 'Qué', here: 'En este ordenador', there: 'En el proyecto' },
  tableNames: {
    heroes: 'Héroes',
    custom_events: 'Tus propios eventos',
    stories: 'Historias',
    story_scenes: 'Escenas',
    story_illustrations: 'Ilustraciones de escenas',
    listening_sessions: 'Sesiones de escucha',
  },
  files: (verified: number, total: number, size: string) =>
    `${verified} de ${total} archivos comprobados byte a byte (SHA-256), ${size}.`,
  failures: 'Sin copiar',
} satisfies MovingStrings;
