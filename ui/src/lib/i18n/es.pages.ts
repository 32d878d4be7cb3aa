// El texto en español de Biblioteca, Ajustes, Recorrido, Diagnóstico e Inicio (misma forma que
// en.pages.ts).
import type { PagesStrings } from './en.pages';

export const pages = {
  events: {
    bedtime_adventure: 'Aventura para dormir',
    school_day: 'Día de cole',
    birthday: 'Cumpleaños',
    weekend_explorer: 'Explorador de finde',
    rainy_day: 'Día de lluvia',
    family_time: 'En familia',
    making_friends: 'Hacer amigos',
    learning_something_new: 'Aprender algo nuevo',
    helping_others: 'Ayudar a los demás',
    holiday_adventure: 'Aventura de fiestas',
    magical_forest_adventure: 'Bosque mágico',
    friendly_dragon_encounter: 'Dragón amistoso',
    underwater_treasure_hunt: 'Tesoro submarino',
    cloud_castle_journey: 'Castillo de nubes',
    time_travel_mission: 'Viaje en el tiempo',
    space_exploration: 'Viaje espacial',
    miniature_world_discovery: 'Mundo diminuto',
    weather_wizard_training: 'Mago del tiempo',
    animal_language_learning: 'Animales que hablan',
    dream_world_adventure: 'País de los sueños',
  },

  listening: { new: 'Nueva', listening: 'Escuchando', finished: 'Terminada' },

  sorts: {
    newest: 'Más recientes primero', oldest: 'Más antiguas primero', title: 'Título A–Z', length: 'Más cortas primero', lastHeard: 'Escuchadas hace poco',
  },

  voices: {
    coral: 'Coral: cálida y dulce', nova: 'Nova: alegre y cercana', fable: 'Fable: una cuentacuentos',
    alloy: 'Alloy: tranquila y clara', echo: 'Echo: suave y grave', onyx: 'Onyx: profunda y pausada',
    shimmer: 'Shimmer: ligera y juguetona',
  },

  themes: { auto: 'Auto', day: 'Día', night: 'Noche' },

  milestones: {
    first_story: { name: 'Primera historia', hint: 'Escucha tu primera historia' },
    stories_5: { name: '5 historias', hint: 'Cinco historias escuchadas' },
    stories_10: { name: '10 historias', hint: 'Diez historias escuchadas' },
    stories_25: { name: '25 historias', hint: 'Veinticinco historias escuchadas' },
    stories_50: { name: '50 historias', hint: 'Cincuenta historias escuchadas' },
    listening_1h: { name: 'Una hora', hint: 'Una hora escuchando' },
    listening_5h: { name: 'Cinco horas', hint: 'Cinco horas escuchando' },
    streak_7: { name: 'Una semana de noches', hint: 'Siete noches seguidas' },
    streak_30: { name: 'Un mes de noches', hint: 'Treinta noches seguidas' },
  },

  greeting: { morning: 'Buenos días', afternoon: 'Buenas tardes', evening: 'Buenas noches' },

  tonight: {
    title: 'Esta noche',
    continueListening: 'Seguir escuchando',
    position: (at: string, total: string) => `${at} de ${total}`,
    newest: 'La historia más nueva',
    newWith: 'Una historia nueva con',
    pickAdventure: 'Elige la aventura de esta noche →',
  },

  backend: {
    embedded: 'Servidor integrado',
    supabase: 'Servidor de Supabase',
    unreachable: 'La app no encuentra su servidor de historias',
    connected: (where: string) => `${where} conectado`,
    starting: 'Arrancando el servidor de historias…',
    unavailable: (where: string) => `${where} no disponible`,
    connectedText: 'Las historias se crean aquí mismo, en este ordenador: sin cuenta y sin internet.',
    connectedCloudText: 'Las historias se crean y se guardan en tu proyecto de Supabase.',
    startingText: 'La primera vez tarda un momento.',
    stillUnavailable: 'Comprobado de nuevo ahora mismo: sigue sin funcionar.',
    checking: 'Comprobando…',
    checkAgain: 'Volver a comprobar',
  },

  session: {
    signedOut: 'Aún no has iniciado sesión',
    guest: 'Sesión de invitado en este ordenador',
    signedIn: (who: string) => `Sesión iniciada como ${who}`,
    familyMember: 'un miembro de la familia',
  },

  appLanguage: {
    title: 'Idioma de la app',
    label: 'Las palabras de la app',
    automatic: (name: string) => `Automático, como este ordenador (${name})`,
    help: 'Los menús y los botones. Cada historia tiene su propio idioma, que se elige al crearla.',
    failed: (message: string) => `No se ha podido guardar el idioma: ${message}`,
  },
} satisfies PagesStrings;
