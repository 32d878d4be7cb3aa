// Le texte du lecteur en français (même forme que en.reader.ts).
import type { ReaderStrings } from './en.reader';

export const reader = {
  back: 'Bibliothèque',
  backLabel: 'Retour à la bibliothèque',
  loading: 'Ouverture de l’histoire…',
  loadFailed: 'Impossible d’ouvrir cette histoire.',
  tryAgain: 'Réessayer',
  withHero: (name: string) => `Une histoire avec ${name}`,
  cover: (title: string) => `Couverture de ${title}`,

  // Images
  picture: (scene: number, of: number) => `Image de la scène ${scene} sur ${of}`,
  sceneCaption: (scene: number, of: number) => `Scène ${scene} sur ${of}`,
  scenes: 'Scènes',
  jumpToScene: (scene: number, time: string) => `Aller à la scène ${scene}, à ${time}`,
  pictureFailed: 'Cette image n’est pas venue',
  pictureFailedHint: 'L’histoire est complète. Tu peux redemander l’image.',
  pictureRetry: 'La redessiner',
  pictureRetrying: 'Dessin…',
  picturePending: 'Cette image est encore en train d’être dessinée',
  noPicture: 'Pas d’image pour cette scène',
  noPictures: 'Cette histoire n’a pas d’images',
  retryFailed: (message: string) => `L’image n’a pas pu être redessinée : ${message}`,

  // Texte
  storyText: 'Texte de l’histoire',
  tapAWord: 'Touche un mot pour écouter à partir de là.',

  // Lecture
  play: 'Lecture',
  pause: 'Pause',
  playing: 'En lecture',
  paused: 'En pause',
  back15: 'Reculer de 15 secondes',
  forward15: 'Avancer de 15 secondes',
  previous: 'Histoire précédente',
  next: 'Histoire suivante',
  position: 'Position dans l’histoire',
  positionText: (at: string, total: string) => `${at} sur ${total}`,
  storyTime: 'Temps dans l’histoire',

  // Vitesse
  speed: 'Vitesse',
  speedButton: (speed: string) => `Vitesse : ${speed}`,
  speedLabel: (speed: number) => `${new Intl.NumberFormat('fr').format(speed)}×`,

  // Minuterie
  sleep: 'Minuterie',
  sleepOff: 'Désactivée',
  sleepMinutes: (m: number) => `${m} minutes`,
  sleepEndOfStory: 'À la fin de cette histoire',
  sleepButtonOff: 'Minuterie',
  sleepIn: (time: string) => `Arrêt dans ${time}`,
  sleepAtEnd: 'Arrêt à la fin',
  sleepFading: 'Le son baisse…',
  sleptAt: (time: string) => `La minuterie a arrêté l’histoire à ${time}. La lecture reprend juste avant que le son ne baisse.`,

  // Reprise
  resumeTitle: 'Bon retour dans cette histoire',
  continueFrom: (time: string) => `Reprendre à ${time}`,
  startOver: 'Recommencer',

  // Interrompue
  interruptedTitle: 'Cette histoire a été interrompue',
  interruptedBody: (pictures: number, narration: boolean) =>
    [pictures === 1 ? 'il manque 1 image' : pictures > 1 ? `il manque ${pictures} images` : '', narration ? 'il manque la narration' : '']
      .filter(Boolean)
      .join(' et ')
      .replace(/^./, (c) => c.toUpperCase()) + '. Terminez-la maintenant, ou lisez-la telle quelle.',
  finishIt: 'La terminer',
  finishing: 'L’histoire se termine…',
  cancelFinishing: 'Annuler',
  finishFailed: (message: string) => `L’histoire n’a pas pu être terminée : ${message}`,

  // Pas de narration
  noNarrationTitle: 'Cette histoire n’a pas encore de narration',
  noNarrationBody: 'Vous pouvez la lire ensemble maintenant, ou la faire raconter pour pouvoir l’écouter.',
  makeNarration: 'Créer la narration',
  makingNarration: 'Création de la narration…',
  narrationFailed: (message: string) => `La narration n’a pas pu être créée : ${message}`,

  // Son
  noSound: 'Pas de son pour l’instant',
  noSoundHint: 'Les mots et les images fonctionnent toujours : vous pouvez lire l’histoire à voix haute ensemble.',

  // Mode coucher
  bedtime: 'Mode coucher',
  bedtimeHint: 'Assombrir l’écran pour éteindre la lumière (B)',
  leaveBedtime: 'Quitter le mode coucher',

  // Raccourcis
  shortcutsLabel: 'Raccourcis clavier',
  shortcuts: [
    ['Espace', 'lecture'],
    ['← →', '15 s'],
    ['+ −', 'vitesse'],
    ['B', 'coucher'],
  ],
} satisfies ReaderStrings;
