// El texto del lector en español (misma forma que en.reader.ts).
import type { ReaderStrings } from './en.reader';

export const reader = {
  back: 'Biblioteca',
  backLabel: 'Volver a la biblioteca',
  loading: 'Abriendo la historia…',
  loadFailed: 'No se ha podido abrir esta historia.',
  tryAgain: 'Reintentar',
  withHero: (name: string) => `Una historia con ${name}`,
  cover: (title: string) => `Portada de ${title}`,

  // Imágenes
  picture: (scene: number, of: number) => `Imagen de la escena ${scene} de ${of}`,
  sceneCaption: (scene: number, of: number) => `Escena ${scene} de ${of}`,
  scenes: 'Escenas',
  jumpToScene: (scene: number, time: string) => `Ir a la escena ${scene}, en ${time}`,
  pictureFailed: 'Esta imagen no ha salido',
  pictureFailedHint: 'La historia está completa. Puedes pedir la imagen otra vez.',
  pictureRetry: 'Volver a dibujarla',
  pictureRetrying: 'Dibujando…',
  picturePending: 'Esta imagen todavía se está dibujando',
  noPicture: 'Esta escena no tiene imagen',
  noPictures: 'Esta historia no tiene imágenes',
  retryFailed: (message: string) => `No se ha podido volver a dibujar la imagen: ${message}`,

  // Texto
  storyText: 'Texto de la historia',
  tapAWord: 'Toca una palabra para escuchar desde ahí.',

  // Reproducción
  play: 'Reproducir',
  pause: 'Pausa',
  playing: 'Sonando',
  paused: 'En pausa',
  back15: 'Retroceder 15 segundos',
  forward15: 'Avanzar 15 segundos',
  previous: 'Historia anterior',
  next: 'Historia siguiente',
  position: 'Posición en la historia',
  positionText: (at: string, total: string) => `${at} de ${total}`,
  storyTime: 'Tiempo de la historia',

  // Velocidad
  speed: 'Velocidad',
  speedButton: (speed: string) => `Velocidad: ${speed}`,
  speedLabel: (speed: number) => `${new Intl.NumberFormat('es').format(speed)}×`,

  // Temporizador
  sleep: 'Temporizador',
  sleepOff: 'Desactivado',
  sleepMinutes: (m: number) => `${m} minutos`,
  sleepEndOfStory: 'Al final de esta historia',
  sleepButtonOff: 'Temporizador',
  sleepIn: (time: string) => `Se apaga en ${time}`,
  sleepAtEnd: 'Se apaga al final',
  sleepFading: 'Bajando el volumen…',
  sleptAt: (time: string) => `El temporizador detuvo la historia en ${time}. Al reproducir, sigue desde justo antes de que bajara el volumen.`,

  // Continuar
  resumeTitle: 'Bienvenidos de nuevo a esta historia',
  continueFrom: (time: string) => `Continuar desde ${time}`,
  startOver: 'Empezar de nuevo',

  // Interrumpida
  interruptedTitle: 'Este cuento se interrumpió',
  interruptedBody: (pictures: number, narration: boolean) =>
    [pictures === 1 ? 'falta 1 imagen' : pictures > 1 ? `faltan ${pictures} imágenes` : '', narration ? 'falta la narración' : '']
      .filter(Boolean)
      .join(' y ')
      .replace(/^./, (c) => c.toUpperCase()) + '. Termínalo ahora o léelo tal como está.',
  finishIt: 'Terminarlo',
  finishing: 'Terminando el cuento…',
  cancelFinishing: 'Cancelar',
  finishFailed: (message: string) => `No se pudo terminar el cuento: ${message}`,

  // Sin narración
  noNarrationTitle: 'Esta historia aún no tiene narración',
  noNarrationBody: 'Podéis leerla juntos ahora, o crear la narración para poder escucharla.',
  makeNarration: 'Crear la narración',
  makingNarration: 'Creando la narración…',
  narrationFailed: (message: string) => `No se ha podido crear la narración: ${message}`,

  // Sonido
  noSound: 'Ahora mismo no hay sonido',
  noSoundHint: 'Las palabras y las imágenes siguen funcionando: podéis leer la historia en voz alta juntos.',

  // Modo noche
  bedtime: 'Modo noche',
  bedtimeHint: 'Oscurecer la pantalla para apagar las luces (B)',
  leaveBedtime: 'Salir del modo noche',

  // Atajos
  shortcutsLabel: 'Atajos de teclado',
  shortcuts: [
    ['Espacio', 'reproducir'],
    ['← →', '15 s'],
    ['+ −', 'velocidad'],
    ['B', 'modo noche'],
  ],
} satisfies ReaderStrings;
