// Réglages → « Emporter ma bibliothèque dans le cloud », en français (on vouvoie les parents).
// Même forme que en.moving.ts : `satisfies MovingStrings` fait échouer svelte-check s'il manque
// une clé. Espaces insécables avant « : ; ? ! » et dans les guillemets.
import type { MovingStrings } from './en.moving';

export const moving = {
  title: 'Emporter ma bibliothèque dans le cloud',
  intro:
    'Copie tout ce qui a été créé sur cet ordinateur — les héros et leurs portraits, vos propres événements, les histoires avec leur narration et leurs illustrations, ce qui a été écouté — vers votre projet Supabase. Rien n’est effacé ici, et l’application reste sur cet ordinateur tant que vous ne changez pas dans « Où les histoires sont créées ».',
  projectAddress: 'Adresse du projet',
  anonKey: 'Clé du projet (anon ou publishable)',
  keyHint: 'Vide : la clé du projet enregistré sur cet ordinateur.',
  email: 'E-mail de votre compte sur le projet',
  password: 'Mot de passe de ce compte',
  accountHint: 'Laissez les deux vides pour utiliser le compte déjà connecté sur ce projet.',
  start: 'Emporter ma bibliothèque',
  resume: 'Reprendre le transfert',
  cancel: 'Annuler le transfert',
  needAddress: 'Saisissez l’adresse du projet, par ex. https://abcd.supabase.co.',
  unfinished: (url: string) => `Un transfert vers ${url} s’est arrêté en cours de route. Le relancer reprend là où il s’est arrêté ; rien n’est copié deux fois.`,
  progressLabel: 'Transfert de la bibliothèque',
  steps: {
    connecting: 'Connexion au projet…',
    reading: 'Lecture de ce qu’il faut copier…',
    files: 'Copie des narrations et des illustrations…',
    rows: 'Copie des héros, des événements et des histoires…',
    verifying: 'Vérification que tout est arrivé…',
    done: 'Terminé',
    failed: 'Arrêté',
    cancelled: 'Annulé',
  },
  counted: (done: number, total: number) => `${done} éléments sur ${total}`,
  sizes: (done: string, total: string) => `${done} sur ${total}`,
  cancelled: 'Le transfert a été annulé. Le relancer reprend là où il s’est arrêté.',
  failed: 'Le transfert s’est arrêté. Le relancer reprend là où il s’est arrêté.',
  reportTitle: 'Ce qui a été transféré',
  complete: 'Tout est arrivé et a été vérifié. Pour utiliser le projet désormais, choisissez « Mon projet Supabase » dans « Où les histoires sont créées ».',
  incomplete: 'Certains éléments n’ont pas pu être copiés (ci-dessous). Relancer le transfert les réessaie.',
  resumed: 'Ce transfert a repris un transfert arrêté en cours de route.',
  columns: { what: 'Quoi', here: 'Sur cet ordinateur', there: 'Sur le projet' },
  tableNames: {
    heroes: 'Héros',
    custom_events: 'Vos propres événements',
    stories: 'Histoires',
    story_scenes: 'Scènes',
    story_illustrations: 'Illustrations des scènes',
    listening_sessions: 'Séances d’écoute',
  },
  files: (verified: number, total: number, size: string) =>
    `${verified} fichiers sur ${total} vérifiés octet par octet (SHA-256), ${size}.`,
  failures: 'Non copié',
} satisfies MovingStrings;
