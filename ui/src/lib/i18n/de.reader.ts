// Der Text des Lesers auf Deutsch (gleiche Form wie en.reader.ts).
import type { ReaderStrings } from './en.reader';

export const reader = {
  back: 'Bibliothek',
  backLabel: 'Zurück zur Bibliothek',
  loading: 'Die Geschichte wird geöffnet …',
  loadFailed: 'Diese Geschichte konnte nicht geöffnet werden.',
  tryAgain: 'Nochmal versuchen',
  withHero: (name: string) => `Eine Geschichte mit ${name}`,
  cover: (title: string) => `Titelbild von ${title}`,

  // Bilder
  picture: (scene: number, of: number) => `Bild zu Szene ${scene} von ${of}`,
  sceneCaption: (scene: number, of: number) => `Szene ${scene} von ${of}`,
  scenes: 'Szenen',
  jumpToScene: (scene: number, time: string) => `Zu Szene ${scene} springen, bei ${time}`,
  pictureFailed: 'Dieses Bild ist nicht gelungen',
  pictureFailedHint: 'Die Geschichte ist vollständig. Du kannst das Bild noch einmal anfordern.',
  pictureRetry: 'Neu malen',
  pictureRetrying: 'Wird gemalt …',
  picturePending: 'Dieses Bild wird noch gemalt',
  noPicture: 'Kein Bild zu dieser Szene',
  noPictures: 'Diese Geschichte hat keine Bilder',
  retryFailed: (message: string) => `Das Bild konnte nicht neu gemalt werden: ${message}`,

  // Text
  storyText: 'Text der Geschichte',
  tapAWord: 'Tippe auf ein Wort, um ab dort zuzuhören.',

  // Wiedergabe
  play: 'Abspielen',
  pause: 'Pause',
  playing: 'Läuft',
  paused: 'Pausiert',
  back15: '15 Sekunden zurück',
  forward15: '15 Sekunden vor',
  previous: 'Vorherige Geschichte',
  next: 'Nächste Geschichte',
  position: 'Stelle in der Geschichte',
  positionText: (at: string, total: string) => `${at} von ${total}`,
  storyTime: 'Zeit in der Geschichte',

  // Tempo
  speed: 'Tempo',
  speedButton: (speed: string) => `Tempo: ${speed}`,
  speedLabel: (speed: number) => `${new Intl.NumberFormat('de').format(speed)}×`,

  // Schlaf-Timer
  sleep: 'Schlaf-Timer',
  sleepOff: 'Aus',
  sleepMinutes: (m: number) => `${m} Minuten`,
  sleepEndOfStory: 'Am Ende dieser Geschichte',
  sleepButtonOff: 'Schlaf-Timer',
  sleepIn: (time: string) => `Aus in ${time}`,
  sleepAtEnd: 'Aus am Ende',
  sleepFading: 'Wird leiser …',
  sleptAt: (time: string) => `Der Schlaf-Timer hat die Geschichte bei ${time} angehalten. Beim Abspielen geht es kurz vor dem Leiserwerden weiter.`,

  // Fortsetzen
  resumeTitle: 'Willkommen zurück in dieser Geschichte',
  continueFrom: (time: string) => `Weiter ab ${time}`,
  startOver: 'Von vorn beginnen',

  // Unterbrochen
  interruptedTitle: 'Diese Geschichte wurde unterbrochen',
  interruptedBody: (pictures: number, narration: boolean) =>
    [pictures === 1 ? '1 Bild fehlt' : pictures > 1 ? `${pictures} Bilder fehlen` : '', narration ? 'die Erzählung fehlt' : '']
      .filter(Boolean)
      .join(' und ')
      .replace(/^./, (c) => c.toUpperCase()) + '. Jetzt fertigstellen oder so lesen, wie sie ist.',
  finishIt: 'Fertigstellen',
  finishing: 'Die Geschichte wird fertiggestellt…',
  cancelFinishing: 'Abbrechen',
  finishFailed: (message: string) => `Die Geschichte konnte nicht fertiggestellt werden: ${message}`,

  // Keine Erzählung
  noNarrationTitle: 'Diese Geschichte wird noch nicht vorgelesen',
  noNarrationBody: 'Ihr könnt sie jetzt gemeinsam lesen oder sie vorlesen lassen, um sie anzuhören.',
  makeNarration: 'Vorlesen lassen',
  makingNarration: 'Die Erzählung wird aufgenommen …',
  narrationFailed: (message: string) => `Die Erzählung konnte nicht erstellt werden: ${message}`,

  // Ton
  noSound: 'Gerade kein Ton',
  noSoundHint: 'Wörter und Bilder funktionieren weiter – ihr könnt die Geschichte gemeinsam laut lesen.',

  // Schlafenszeit-Ansicht
  bedtime: 'Schlafenszeit-Ansicht',
  bedtimeHint: 'Bildschirm zum Lichtausmachen abdunkeln (B)',
  leaveBedtime: 'Schlafenszeit-Ansicht verlassen',

  // Tastenkürzel
  shortcutsLabel: 'Tastenkürzel',
  shortcuts: [
    ['Leertaste', 'abspielen'],
    ['← →', '15 s'],
    ['+ −', 'Tempo'],
    ['B', 'Schlafenszeit'],
  ],
} satisfies ReaderStrings;
