// English text of Settings → "Move my library to the cloud" (copying the library from the
// embedded backend to a Supabase project). Its shape is `MovingStrings`, which
// es/fr/de/it.moving.ts satisfy; components read it through `movingText` from `$lib/i18n`.
// Sizes come formatted (`megabytes` in format.ts).

const tableNames = {
  heroes: 'Heroes',
  custom_events: 'Your own events',
  stories: 'Stories',
  story_scenes: 'Scenes',
  story_illustrations: 'Scene pictures',
  listening_sessions: 'Listening sessions',
} as Record<string, string>;

export const moving = {
  title: 'Move my library to the cloud',
  intro:
    'Copies everything made on this computer — heroes and their pictures, your own events, stories with their narration and pictures, what was listened to — to your Supabase project. Nothing here is deleted, and the app keeps using this computer until you switch in “Where stories are made”.',
  projectAddress: 'Address of the project',
  anonKey: 'Project key (anon or publishable)',
  keyHint: 'Empty: the key of the project saved on this computer.',
  email: 'Email of your account on the project',
  password: 'Password of that account',
  accountHint: 'Leave both empty to use the account already signed in on that project.',
  start: 'Move my library',
  resume: 'Continue the move',
  cancel: 'Cancel the move',
  needAddress: 'Type the project address, e.g. https://abcd.supabase.co.',
  unfinished: (url: string) => `A move to ${url} stopped halfway. Moving again continues where it stopped; nothing is copied twice.`,
  progressLabel: 'Moving the library',
  steps: {
    connecting: 'Signing in to the project…',
    reading: 'Reading what to copy…',
    files: 'Copying narration and pictures…',
    rows: 'Copying heroes, events and stories…',
    verifying: 'Checking that everything arrived…',
    done: 'Finished',
    failed: 'Stopped',
    cancelled: 'Cancelled',
  },
  counted: (done: number, total: number) => `${done} of ${total} items`,
  sizes: (done: string, total: string) => `${done} of ${total}`,
  cancelled: 'The move was cancelled. Moving again continues where it stopped.',
  failed: 'The move stopped. Moving again continues where it stopped.',
  reportTitle: 'What was moved',
  complete: 'Everything arrived and was checked. To use the project from now on, choose “My Supabase project” in “Where stories are made”.',
  incomplete: 'Some things could not be copied (listed below). Moving again tries them again.',
  resumed: 'This move continued one that had stopped halfway.',
  columns: { what: 'What', here: 'On this computer', there: 'On the project' },
  tableNames,
  files: (verified: number, total: number, size: string) =>
    `${verified} of ${total} files checked byte for byte (SHA-256), ${size}.`,
  failures: 'Not copied',
};

/** The shape every language's moving file has. */
export type MovingStrings = typeof moving;
