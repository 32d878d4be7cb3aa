// The reader's English text, in one place (the other pages' text is in en.ts). Its shape is
// `ReaderStrings`, which es/fr/de/it.reader.ts satisfy.
export const reader = {
  back: 'Library',
  backLabel: 'Back to the library',
  loading: 'Opening the story…',
  loadFailed: 'This story could not be opened.',
  tryAgain: 'Try again',
  withHero: (name: string) => `A story with ${name}`,
  cover: (title: string) => `Cover of ${title}`,

  // Pictures
  picture: (scene: number, of: number) => `Picture of scene ${scene} of ${of}`,
  sceneCaption: (scene: number, of: number) => `Scene ${scene} of ${of}`,
  scenes: 'Scenes',
  jumpToScene: (scene: number, time: string) => `Go to scene ${scene}, at ${time}`,
  pictureFailed: "This picture didn't come out",
  pictureFailedHint: 'The story is all here. You can ask for the picture again.',
  pictureRetry: 'Draw it again',
  pictureRetrying: 'Drawing…',
  picturePending: 'This picture is still being drawn',
  noPicture: 'No picture for this scene',
  noPictures: 'This story has no pictures',
  retryFailed: (message: string) => `The picture could not be drawn again: ${message}`,

  // Text
  storyText: 'Story text',
  tapAWord: 'Tap a word to listen from there.',

  // Transport
  play: 'Play',
  pause: 'Pause',
  playing: 'Playing',
  paused: 'Paused',
  back15: 'Back 15 seconds',
  forward15: 'Forward 15 seconds',
  previous: 'Previous story',
  next: 'Next story',
  position: 'Position in the story',
  positionText: (at: string, total: string) => `${at} of ${total}`,
  storyTime: 'Time in the story',

  // Speed
  speed: 'Speed',
  speedButton: (speed: string) => `Speed: ${speed}`,
  speedLabel: (speed: number) => `${speed}×`,

  // Sleep timer
  sleep: 'Sleep timer',
  sleepOff: 'Off',
  sleepMinutes: (m: number) => `${m} minutes`,
  sleepEndOfStory: 'End of this story',
  sleepButtonOff: 'Sleep timer',
  sleepIn: (time: string) => `Sleep in ${time}`,
  sleepAtEnd: 'Sleep at the end',
  sleepFading: 'Fading out…',
  sleptAt: (time: string) => `The sleep timer stopped the story at ${time}. Play carries on from just before it faded.`,

  // Resume
  resumeTitle: 'Welcome back to this story',
  continueFrom: (time: string) => `Continue from ${time}`,
  startOver: 'Start over',

  // Interrupted
  interruptedTitle: 'This story was interrupted',
  interruptedBody: (pictures: number, narration: boolean) =>
    [pictures === 1 ? '1 picture is missing' : pictures > 1 ? `${pictures} pictures are missing` : '', narration ? 'the narration is missing' : '']
      .filter(Boolean)
      .join(' and ')
      .replace(/^./, (c) => c.toUpperCase()) + '. Finish it now, or read it as it is.',
  finishIt: 'Finish it',
  finishing: 'Finishing the story…',
  cancelFinishing: 'Cancel',
  finishFailed: (message: string) => `The story could not be finished: ${message}`,

  // No narration
  noNarrationTitle: 'This story has no narration yet',
  noNarrationBody: 'You can read it together now, or have it narrated so it can be listened to.',
  makeNarration: 'Make the narration',
  makingNarration: 'Making the narration…',
  narrationFailed: (message: string) => `The narration could not be made: ${message}`,

  // Sound
  noSound: 'No sound right now',
  noSoundHint: 'The words and pictures still work — you can read the story aloud together.',

  // Bedtime view
  bedtime: 'Bedtime view',
  bedtimeHint: 'Dim the screen for lights out (B)',
  leaveBedtime: 'Leave bedtime view',

  // Shortcuts
  shortcutsLabel: 'Keyboard shortcuts',
  shortcuts: [
    ['Space', 'play'],
    ['← →', '15 s'],
    ['+ −', 'speed'],
    ['B', 'bedtime'],
  ] as [string, string][],
};

/** The shape every language's reader file has. */
export type ReaderStrings = typeof reader;
