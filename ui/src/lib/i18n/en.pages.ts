// English text of the Library, Settings, Journey, Diagnostics pages and Home (its greeting,
// "tonight" and the story server's card). Its shape is `PagesStrings`, which es/fr/de/it.pages.ts
// satisfy; the icons and the languages' own names are the same in every language (index.ts).
import type {
  BuiltInEvent, LibrarySort, ListeningState, MilestoneId, Theme, Voice,
} from '$lib/ipc/bindings';
import { number, plural as pluralIn } from './format';

export const pages = {
  events: {
    bedtime_adventure: 'Bedtime adventure',
    school_day: 'School day',
    birthday: 'Birthday',
    weekend_explorer: 'Weekend explorer',
    rainy_day: 'Rainy day',
    family_time: 'Family time',
    making_friends: 'Making friends',
    learning_something_new: 'Learning something new',
    helping_others: 'Helping others',
    holiday_adventure: 'Holiday adventure',
    magical_forest_adventure: 'Magical forest',
    friendly_dragon_encounter: 'Friendly dragon',
    underwater_treasure_hunt: 'Underwater treasure',
    cloud_castle_journey: 'Cloud castle',
    time_travel_mission: 'Time travel',
    space_exploration: 'Space exploration',
    miniature_world_discovery: 'Miniature world',
    weather_wizard_training: 'Weather wizard',
    animal_language_learning: 'Talking animals',
    dream_world_adventure: 'Dream world',
  } satisfies Record<BuiltInEvent, string>,

  listening: { new: 'New', listening: 'Listening', finished: 'Finished' } satisfies Record<ListeningState, string>,

  sorts: {
    newest: 'Newest first', oldest: 'Oldest first', title: 'Title A–Z', length: 'Shortest first', lastHeard: 'Last heard',
  } satisfies Record<LibrarySort, string>,

  voices: {
    coral: 'Coral — warm and gentle', nova: 'Nova — bright and friendly', fable: 'Fable — a storyteller',
    alloy: 'Alloy — calm and clear', echo: 'Echo — soft and low', onyx: 'Onyx — deep and slow',
    shimmer: 'Shimmer — light and playful',
  } satisfies Record<Voice, string>,

  themes: { auto: 'Auto', day: 'Day', night: 'Night' } satisfies Record<Theme, string>,

  milestones: {
    first_story: { name: 'First story', hint: 'Listen to your first story' },
    stories_5: { name: '5 stories', hint: 'Five stories heard' },
    stories_10: { name: '10 stories', hint: 'Ten stories heard' },
    stories_25: { name: '25 stories', hint: 'Twenty-five stories heard' },
    stories_50: { name: '50 stories', hint: 'Fifty stories heard' },
    listening_1h: { name: 'One hour', hint: 'An hour of listening' },
    listening_5h: { name: 'Five hours', hint: 'Five hours of listening' },
    streak_7: { name: 'A week of evenings', hint: 'Seven evenings in a row' },
    streak_30: { name: 'A month of evenings', hint: 'Thirty evenings in a row' },
  } satisfies Record<MilestoneId, { name: string; hint: string }>,

  greeting: { morning: 'Good morning', afternoon: 'Good afternoon', evening: 'Good evening' },

  tonight: {
    title: 'Tonight',
    continueListening: 'Continue listening',
    position: (at: string, total: string) => `${at} of ${total}`,
    newest: 'Newest story',
    newWith: 'A new story with',
    pickAdventure: 'Pick tonight’s adventure →',
  },

  backend: {
    embedded: 'Embedded backend',
    supabase: 'Supabase backend',
    unreachable: 'The app cannot reach its story server',
    connected: (where: string) => `${where} connected`,
    starting: 'Starting the story server…',
    unavailable: (where: string) => `${where} unavailable`,
    connectedText: 'Stories are made right here on this computer — no account or internet needed.',
    connectedCloudText: 'Stories are made and kept in your Supabase project.',
    startingText: 'This takes a moment the first time.',
    stillUnavailable: 'Checked again just now: still not working.',
    checking: 'Checking…',
    checkAgain: 'Check again',
  },

  session: {
    signedOut: 'Not signed in yet',
    guest: 'Signed in as a guest on this computer',
    signedIn: (who: string) => `Signed in as ${who}`,
    familyMember: 'a family member',
  },

  appLanguage: {
    title: 'Language of the app',
    label: 'The app’s words',
    automatic: (name: string) => `Automatic — like this computer (${name})`,
    help: 'The menus and buttons. Each story has its own language, chosen when it is made.',
    failed: (message: string) => `The language could not be saved: ${message}`,
  },
  library: {
    title: 'Library',
    count: (n: number) => pluralIn('en', n, { one: 'story', other: 'stories' }),
    select: 'Select',
    done: 'Done',
    dismiss: 'Dismiss',
    stories: 'Stories',
    loadingStory: 'Loading story',
    selectedStories: 'Selected stories',
    selected: (n: number) => `${number('en', n)} selected`,
    cancel: 'Cancel',
    deleteSelected: 'Delete selected',
    delete: 'Delete',
    deleteOne: 'Delete this story?',
    deleteOneText: (title: string) => `“${title}” will be gone from this computer and from your account, with its narration and pictures.`,
    deleteMany: (n: number) => `Delete ${pluralIn('en', n, { one: 'story', other: 'stories' })}?`,
    deleteManyText: (n: number) =>
      `${n === 1 ? 'The story' : `The ${pluralIn('en', n, { one: 'story', other: 'stories' })}`} will be gone from this computer and from your account, with their narration and pictures.`,
    deleted: (n: number) => `${pluralIn('en', n, { one: 'story', other: 'stories' })} deleted.`,
    keep: 'Keep',
    working: 'Working…',
    emptyTitle: 'No stories yet',
    emptyText: 'Every story you make lands here, ready to read or listen to again — even without internet.',
    emptyAction: "Make tonight's story",
    noResultsTitle: 'No stories match',
    noResultsFor: (text: string) => `Nothing found for “${text}” with these filters.`,
    noResultsText: 'No story fits all these filters.',
    clearAll: 'Clear search and filters',
    errorTitle: 'Stories could not be loaded',
    tryAgain: 'Try again',
    search: 'Search stories',
    searchPlaceholder: 'Search titles and stories, in any language',
    sort: 'Sort',
    filters: 'Filters',
    onlyNew: 'New',
    favourites: '♥ Favourites',
    hero: 'Hero',
    everyHero: 'Every hero',
    event: 'Event',
    everyEvent: 'Every event',
    language: 'Language',
    everyLanguage: 'Every language',
    clearFilters: 'Clear filters',
    offline: '✓ Offline',
    offlineHint: 'Text, narration and every picture are on this computer',
    favourite: (title: string) => `Favourite: ${title}`,
    deleteStory: (title: string) => `Delete ${title}`,
  },
};

/** The shape every language's pages file has. */
export type PagesStrings = typeof pages;
