// Der deutsche Text von Bibliothek, Einstellungen, Reise, Diagnose und Start (gleiche Form wie
// en.pages.ts).
import type { PagesStrings } from './en.pages';

export const pages = {
  events: {
    bedtime_adventure: 'Gutenacht-Abenteuer',
    school_day: 'Schultag',
    birthday: 'Geburtstag',
    weekend_explorer: 'Wochenend-Entdecker',
    rainy_day: 'Regentag',
    family_time: 'Familienzeit',
    making_friends: 'Freunde finden',
    learning_something_new: 'Etwas Neues lernen',
    helping_others: 'Anderen helfen',
    holiday_adventure: 'Festtags-Abenteuer',
    magical_forest_adventure: 'Zauberwald',
    friendly_dragon_encounter: 'Freundlicher Drache',
    underwater_treasure_hunt: 'Unterwasserschatz',
    cloud_castle_journey: 'Wolkenschloss',
    time_travel_mission: 'Zeitreise',
    space_exploration: 'Weltall',
    miniature_world_discovery: 'Winzige Welt',
    weather_wizard_training: 'Wetterzauberer',
    animal_language_learning: 'Sprechende Tiere',
    dream_world_adventure: 'Traumland',
  },

  listening: { new: 'Neu', listening: 'Angefangen', finished: 'Fertig gehört' },

  sorts: {
    newest: 'Neueste zuerst', oldest: 'Älteste zuerst', title: 'Titel A–Z', length: 'Kürzeste zuerst', lastHeard: 'Zuletzt gehört',
  },

  voices: {
    coral: 'Coral – warm und sanft', nova: 'Nova – hell und freundlich', fable: 'Fable – eine Erzählerin',
    alloy: 'Alloy – ruhig und klar', echo: 'Echo – weich und tief', onyx: 'Onyx – tief und langsam',
    shimmer: 'Shimmer – leicht und verspielt',
  },

  themes: { auto: 'Auto', day: 'Tag', night: 'Nacht' },

  milestones: {
    first_story: { name: 'Erste Geschichte', hint: 'Hör deine erste Geschichte' },
    stories_5: { name: '5 Geschichten', hint: 'Fünf Geschichten gehört' },
    stories_10: { name: '10 Geschichten', hint: 'Zehn Geschichten gehört' },
    stories_25: { name: '25 Geschichten', hint: 'Fünfundzwanzig Geschichten gehört' },
    stories_50: { name: '50 Geschichten', hint: 'Fünfzig Geschichten gehört' },
    listening_1h: { name: 'Eine Stunde', hint: 'Eine Stunde zugehört' },
    listening_5h: { name: 'Fünf Stunden', hint: 'Fünf Stunden zugehört' },
    streak_7: { name: 'Eine Woche voller Abende', hint: 'Sieben Abende hintereinander' },
    streak_30: { name: 'Ein Monat voller Abende', hint: 'Dreißig Abende hintereinander' },
  },

  greeting: { morning: 'Guten Morgen', afternoon: 'Guten Tag', evening: 'Guten Abend' },

  tonight: {
    title: 'Heute Abend',
    continueListening: 'Weiterhören',
    position: (at: string, total: string) => `${at} von ${total}`,
    newest: 'Neueste Geschichte',
    newWith: 'Eine neue Geschichte mit',
    pickAdventure: 'Das Abenteuer für heute Abend wählen →',
  },

  backend: {
    embedded: 'Eingebauter Server',
    supabase: 'Supabase-Server',
    unreachable: 'Die App erreicht ihren Geschichten-Server nicht',
    connected: (where: string) => `${where} verbunden`,
    starting: 'Der Geschichten-Server startet …',
    unavailable: (where: string) => `${where} nicht erreichbar`,
    connectedText: 'Die Geschichten entstehen direkt hier auf diesem Computer – ohne Konto und ohne Internet.',
    connectedCloudText: 'Die Geschichten entstehen in deinem Supabase-Projekt und werden dort aufbewahrt.',
    startingText: 'Beim ersten Mal dauert das einen Moment.',
    stillUnavailable: 'Gerade noch einmal geprüft: Es geht immer noch nicht.',
    checking: 'Wird geprüft …',
    checkAgain: 'Nochmal prüfen',
  },

  session: {
    signedOut: 'Noch nicht angemeldet',
    guest: 'Als Gast auf diesem Computer angemeldet',
    signedIn: (who: string) => `Angemeldet als ${who}`,
    familyMember: 'ein Familienmitglied',
  },

  appLanguage: {
    title: 'Sprache der App',
    label: 'Die Wörter der App',
    automatic: (name: string) => `Automatisch – wie dieser Computer (${name})`,
    help: 'Menüs und Schaltflächen. Jede Geschichte hat ihre eigene Sprache, die beim Erstellen gewählt wird.',
    failed: (message: string) => `Die Sprache konnte nicht gespeichert werden: ${message}`,
  },
} satisfies PagesStrings;
