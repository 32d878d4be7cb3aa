// Il testo italiano di Biblioteca, Impostazioni, Percorso, Diagnostica e Home (stessa forma di
// en.pages.ts).
import type { PagesStrings } from './en.pages';

export const pages = {
  events: {
    bedtime_adventure: 'Avventura della nanna',
    school_day: 'Giornata a scuola',
    birthday: 'Compleanno',
    weekend_explorer: 'Esploratore del weekend',
    rainy_day: 'Giorno di pioggia',
    family_time: 'In famiglia',
    making_friends: 'Fare amicizia',
    learning_something_new: 'Imparare cose nuove',
    helping_others: 'Aiutare gli altri',
    holiday_adventure: 'Avventura delle feste',
    magical_forest_adventure: 'Bosco incantato',
    friendly_dragon_encounter: 'Drago amico',
    underwater_treasure_hunt: 'Tesoro sommerso',
    cloud_castle_journey: 'Castello tra le nuvole',
    time_travel_mission: 'Viaggio nel tempo',
    space_exploration: 'Nello spazio',
    miniature_world_discovery: 'Mondo in miniatura',
    weather_wizard_training: 'Mago del tempo',
    animal_language_learning: 'Animali parlanti',
    dream_world_adventure: 'Mondo dei sogni',
  },

  listening: { new: 'Nuova', listening: 'In ascolto', finished: 'Finita' },

  sorts: {
    newest: 'Più recenti', oldest: 'Meno recenti', title: 'Titolo A–Z', length: 'Più brevi', lastHeard: 'Ascoltate di recente',
  },

  voices: {
    coral: 'Coral — calda e dolce', nova: 'Nova — vivace e amichevole', fable: 'Fable — una cantastorie',
    alloy: 'Alloy — calma e chiara', echo: 'Echo — morbida e bassa', onyx: 'Onyx — profonda e lenta',
    shimmer: 'Shimmer — leggera e giocosa',
  },

  themes: { auto: 'Auto', day: 'Giorno', night: 'Notte' },

  milestones: {
    first_story: { name: 'Prima storia', hint: 'Ascolta la tua prima storia' },
    stories_5: { name: '5 storie', hint: 'Cinque storie ascoltate' },
    stories_10: { name: '10 storie', hint: 'Dieci storie ascoltate' },
    stories_25: { name: '25 storie', hint: 'Venticinque storie ascoltate' },
    stories_50: { name: '50 storie', hint: 'Cinquanta storie ascoltate' },
    listening_1h: { name: 'Un’ora', hint: 'Un’ora di ascolto' },
    listening_5h: { name: 'Cinque ore', hint: 'Cinque ore di ascolto' },
    streak_7: { name: 'Una settimana di sere', hint: 'Sette sere di fila' },
    streak_30: { name: 'Un mese di sere', hint: 'Trenta sere di fila' },
  },

  greeting: { morning: 'Buongiorno', afternoon: 'Buon pomeriggio', evening: 'Buonasera' },

  tonight: {
    title: 'Stasera',
    continueListening: 'Continua ad ascoltare',
    position: (at: string, total: string) => `${at} di ${total}`,
    newest: 'La storia più recente',
    newWith: 'Una nuova storia con',
    pickAdventure: 'Scegli l’avventura di stasera →',
  },

  backend: {
    embedded: 'Server integrato',
    supabase: 'Server Supabase',
    unreachable: 'L’app non riesce a raggiungere il server delle storie',
    connected: (where: string) => `${where} connesso`,
    starting: 'Avvio del server delle storie…',
    unavailable: (where: string) => `${where} non disponibile`,
    connectedText: 'Le storie nascono proprio qui, su questo computer: senza account e senza internet.',
    connectedCloudText: 'Le storie nascono e restano nel tuo progetto Supabase.',
    startingText: 'La prima volta ci vuole un momento.',
    stillUnavailable: 'Ricontrollato adesso: ancora non funziona.',
    checking: 'Controllo…',
    checkAgain: 'Controlla di nuovo',
  },

  session: {
    signedOut: 'Non hai ancora effettuato l’accesso',
    guest: 'Accesso come ospite su questo computer',
    signedIn: (who: string) => `Accesso effettuato come ${who}`,
    familyMember: 'un membro della famiglia',
  },

  appLanguage: {
    title: 'Lingua dell’app',
    label: 'Le parole dell’app',
    automatic: (name: string) => `Automatica, come questo computer (${name})`,
    help: 'I menu e i pulsanti. Ogni storia ha la sua lingua, scelta quando viene creata.',
    failed: (message: string) => `Non è stato possibile salvare la lingua: ${message}`,
  },
} satisfies PagesStrings;
