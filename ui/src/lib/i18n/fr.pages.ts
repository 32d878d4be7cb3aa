// Le texte en français de la Bibliothèque, des Réglages, du Parcours, du Diagnostic et de
// l’Accueil (même forme que en.pages.ts).
import type { PagesStrings } from './en.pages';

export const pages = {
  events: {
    bedtime_adventure: 'Aventure du coucher',
    school_day: 'Jour d’école',
    birthday: 'Anniversaire',
    weekend_explorer: 'Explorateur du week-end',
    rainy_day: 'Jour de pluie',
    family_time: 'En famille',
    making_friends: 'Se faire des amis',
    learning_something_new: 'Apprendre du nouveau',
    helping_others: 'Aider les autres',
    holiday_adventure: 'Aventure des fêtes',
    magical_forest_adventure: 'Forêt enchantée',
    friendly_dragon_encounter: 'Dragon gentil',
    underwater_treasure_hunt: 'Trésor sous la mer',
    cloud_castle_journey: 'Château des nuages',
    time_travel_mission: 'Voyage dans le temps',
    space_exploration: 'Voyage dans l’espace',
    miniature_world_discovery: 'Monde miniature',
    weather_wizard_training: 'Magicien de la météo',
    animal_language_learning: 'Animaux qui parlent',
    dream_world_adventure: 'Pays des rêves',
  },

  listening: { new: 'Nouvelle', listening: 'En cours', finished: 'Terminée' },

  sorts: {
    newest: 'Les plus récentes', oldest: 'Les plus anciennes', title: 'Titre de A à Z', length: 'Les plus courtes', lastHeard: 'Écoutées récemment',
  },

  voices: {
    coral: 'Coral — chaleureuse et douce', nova: 'Nova — vive et amicale', fable: 'Fable — une conteuse',
    alloy: 'Alloy — calme et claire', echo: 'Echo — douce et grave', onyx: 'Onyx — profonde et lente',
    shimmer: 'Shimmer — légère et espiègle',
  },

  themes: { auto: 'Auto', day: 'Jour', night: 'Nuit' },

  milestones: {
    first_story: { name: 'Première histoire', hint: 'Écoute ta première histoire' },
    stories_5: { name: '5 histoires', hint: 'Cinq histoires écoutées' },
    stories_10: { name: '10 histoires', hint: 'Dix histoires écoutées' },
    stories_25: { name: '25 histoires', hint: 'Vingt-cinq histoires écoutées' },
    stories_50: { name: '50 histoires', hint: 'Cinquante histoires écoutées' },
    listening_1h: { name: 'Une heure', hint: 'Une heure d’écoute' },
    listening_5h: { name: 'Cinq heures', hint: 'Cinq heures d’écoute' },
    streak_7: { name: 'Une semaine de soirées', hint: 'Sept soirs d’affilée' },
    streak_30: { name: 'Un mois de soirées', hint: 'Trente soirs d’affilée' },
  },

  greeting: { morning: 'Bonjour', afternoon: 'Bon après-midi', evening: 'Bonsoir' },

  tonight: {
    title: 'Ce soir',
    continueListening: 'Reprendre l’écoute',
    position: (at: string, total: string) => `${at} sur ${total}`,
    newest: 'La plus récente',
    newWith: 'Une nouvelle histoire avec',
    pickAdventure: 'Choisis l’aventure de ce soir →',
  },

  backend: {
    embedded: 'Serveur intégré',
    supabase: 'Serveur Supabase',
    unreachable: 'L’app n’arrive pas à joindre son serveur d’histoires',
    connected: (where: string) => `${where} connecté`,
    starting: 'Démarrage du serveur d’histoires…',
    unavailable: (where: string) => `${where} indisponible`,
    connectedText: 'Les histoires sont créées ici même, sur cet ordinateur — sans compte ni internet.',
    connectedCloudText: 'Les histoires sont créées et gardées dans ton projet Supabase.',
    startingText: 'La première fois, cela prend un petit moment.',
    stillUnavailable: 'Vérifié à l’instant : ça ne marche toujours pas.',
    checking: 'Vérification…',
    checkAgain: 'Vérifier à nouveau',
  },

  session: {
    signedOut: 'Pas encore connecté',
    guest: 'Connecté en invité sur cet ordinateur',
    signedIn: (who: string) => `Connecté en tant que ${who}`,
    familyMember: 'un membre de la famille',
  },

  appLanguage: {
    title: 'Langue de l’app',
    label: 'Les mots de l’app',
    automatic: (name: string) => `Automatique — comme cet ordinateur (${name})`,
    help: 'Les menus et les boutons. Chaque histoire a sa propre langue, choisie à sa création.',
    failed: (message: string) => `La langue n’a pas pu être enregistrée : ${message}`,
  },
} satisfies PagesStrings;
