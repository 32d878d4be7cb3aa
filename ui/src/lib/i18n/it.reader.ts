// Il testo del lettore in italiano (stessa forma di en.reader.ts).
import type { ReaderStrings } from './en.reader';

export const reader = {
  back: 'Biblioteca',
  backLabel: 'Torna alla biblioteca',
  loading: 'Apertura della storia…',
  loadFailed: 'Non è stato possibile aprire questa storia.',
  tryAgain: 'Riprova',
  withHero: (name: string) => `Una storia con ${name}`,
  cover: (title: string) => `Copertina di ${title}`,

  // Immagini
  picture: (scene: number, of: number) => `Immagine della scena ${scene} di ${of}`,
  sceneCaption: (scene: number, of: number) => `Scena ${scene} di ${of}`,
  scenes: 'Scene',
  jumpToScene: (scene: number, time: string) => `Vai alla scena ${scene}, a ${time}`,
  pictureFailed: 'Questa immagine non è venuta',
  pictureFailedHint: 'La storia è tutta qui. Puoi chiedere di nuovo l’immagine.',
  pictureRetry: 'Disegnala di nuovo',
  pictureRetrying: 'Disegno…',
  picturePending: 'Questa immagine è ancora in corso di disegno',
  noPicture: 'Nessuna immagine per questa scena',
  noPictures: 'Questa storia non ha immagini',
  retryFailed: (message: string) => `Non è stato possibile ridisegnare l’immagine: ${message}`,

  // Testo
  storyText: 'Testo della storia',
  tapAWord: 'Tocca una parola per ascoltare da lì.',

  // Riproduzione
  play: 'Riproduci',
  pause: 'Pausa',
  playing: 'In riproduzione',
  paused: 'In pausa',
  back15: 'Indietro di 15 secondi',
  forward15: 'Avanti di 15 secondi',
  previous: 'Storia precedente',
  next: 'Storia successiva',
  position: 'Posizione nella storia',
  positionText: (at: string, total: string) => `${at} di ${total}`,
  storyTime: 'Tempo nella storia',

  // Velocità
  speed: 'Velocità',
  speedButton: (speed: string) => `Velocità: ${speed}`,
  speedLabel: (speed: number) => `${new Intl.NumberFormat('it').format(speed)}×`,

  // Timer della nanna
  sleep: 'Timer della nanna',
  sleepOff: 'Spento',
  sleepMinutes: (m: number) => `${m} minuti`,
  sleepEndOfStory: 'Alla fine di questa storia',
  sleepButtonOff: 'Timer della nanna',
  sleepIn: (time: string) => `Si spegne tra ${time}`,
  sleepAtEnd: 'Si spegne alla fine',
  sleepFading: 'Il volume si abbassa…',
  sleptAt: (time: string) => `Il timer ha fermato la storia a ${time}. Premendo play riparte da poco prima che il volume si abbassasse.`,

  // Riprendi
  resumeTitle: 'Bentornati in questa storia',
  continueFrom: (time: string) => `Riprendi da ${time}`,
  startOver: 'Ricomincia',

  // Interrotta
  interruptedTitle: 'Questa storia è stata interrotta',
  interruptedBody: (pictures: number, narration: boolean) =>
    [pictures === 1 ? 'manca 1 immagine' : pictures > 1 ? `mancano ${pictures} immagini` : '', narration ? 'manca la narrazione' : '']
      .filter(Boolean)
      .join(' e ')
      .replace(/^./, (c) => c.toUpperCase()) + '. Completala ora, oppure leggila così com’è.',
  finishIt: 'Completala',
  finishing: 'Completamento della storia…',
  cancelFinishing: 'Annulla',
  finishFailed: (message: string) => `Non è stato possibile completare la storia: ${message}`,

  // Senza narrazione
  noNarrationTitle: 'Questa storia non ha ancora una narrazione',
  noNarrationBody: 'Potete leggerla insieme adesso, oppure farla narrare per poterla ascoltare.',
  makeNarration: 'Crea la narrazione',
  makingNarration: 'Creazione della narrazione…',
  narrationFailed: (message: string) => `Non è stato possibile creare la narrazione: ${message}`,

  // Audio
  noSound: 'Niente audio in questo momento',
  noSoundHint: 'Le parole e le immagini funzionano ancora: potete leggere la storia ad alta voce insieme.',

  // Modalità nanna
  bedtime: 'Modalità nanna',
  bedtimeHint: 'Abbassa la luce dello schermo per la nanna (B)',
  leaveBedtime: 'Esci dalla modalità nanna',

  // Scorciatoie
  shortcutsLabel: 'Scorciatoie da tastiera',
  shortcuts: [
    ['Spazio', 'riproduci'],
    ['← →', '15 s'],
    ['+ −', 'velocità'],
    ['B', 'nanna'],
  ],
} satisfies ReaderStrings;
