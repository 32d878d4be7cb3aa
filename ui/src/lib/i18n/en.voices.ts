// English text of Settings → Voices (natural voices) and Settings → "Who writes the stories"
// (the built-in writer or a local model). Its shape is `VoicesStrings`, which
// es/fr/de/it.voices.ts satisfy; components read it through `voiceText` and `writerText` from
// `$lib/i18n`. Sizes come formatted (`megabytes` in format.ts).
import type { Language, VoiceOpenness } from '$lib/ipc/bindings';

const natural = {
  title: 'Voices',
  intro: 'Natural voices read stories in a warmer, more human way. They run on this computer: no account, no internet once downloaded.',
  emptyTitle: 'Stories are read by espeak-ng for now',
  empty:
    'espeak-ng is the clear but robotic voice built into the app; it always works. For a natural voice, download one below (about 60 MB each) or import voice files you already have (an .onnx model with its .onnx.json).',
  unsupported: (why: string) => `Natural voices cannot read stories on this computer: ${why}. Stories are read by espeak-ng.`,
  installedTitle: 'Installed voices',
  columns: { voice: 'Voice', language: 'Language', quality: 'Quality', size: 'Size', licence: 'Licence', actions: 'Actions' },
  play: 'Play a sample',
  playLabel: (key: string) => `Play a sample of ${key}`,
  playing: 'Playing…',
  remove: 'Remove',
  removeLabel: (key: string) => `Remove ${key}`,
  removed: (key: string) => `${key} was removed.`,
  installed: (key: string) => `${key} is installed and reads stories from now on.`,
  whoReadsTitle: 'Who reads each voice',
  whoReadsNote: 'The app’s seven voices share out the natural voices installed for each language; the others are read by espeak-ng.',
  espeak: 'espeak-ng',
  speaker: (n: number) => `speaker ${n + 1}`,
  runtimeTitle: 'The engine for natural voices',
  runtimeFound: (path: string) => `ONNX Runtime is ready (${path}).`,
  runtimeMissing: (size: string | null) =>
    size
      ? `Natural voices need the ONNX Runtime library (${size}). Download it once; it is shared by every voice.`
      : 'Natural voices need the ONNX Runtime library, which cannot be downloaded for this computer. Install ONNX Runtime and set INFINITE_STORIES_ONNXRUNTIME to its library file.',
  runtimeDownload: 'Download the engine',
  runtimeDone: 'The engine is ready.',
  availableTitle: 'Voices to download',
  showAvailable: 'Show voices to download',
  loadingCatalogue: 'Fetching the voice catalogue…',
  languagePicker: 'Language of the voices',
  noneAvailable: (language: string) => `The catalogue has no ${language} voice yet. Stories in ${language} are read by espeak-ng.`,
  download: 'Download',
  downloadLabel: (key: string, size: string) => `Download ${key} (${size})`,
  already: 'Installed',
  downloading: (key: string) => `Downloading ${key}`,
  progress: (done: string, total: string) => `${done} of ${total}`,
  cancel: 'Cancel',
  cancelLabel: (key: string) => `Cancel the download of ${key}`,
  cancelled: 'The download was stopped. Downloading again continues where it stopped.',
  verified: 'Each file is checked against the catalogue’s checksum before it is installed.',
  licenceUnknown: 'see its model card',
  openness: { open: 'open', restricted: 'personal use only', unknown: 'unknown' } satisfies Record<VoiceOpenness, string>,
  opennessHelp: {
    open: 'Free to use and share.',
    restricted: 'Fine for your family; it may not be shared or sold.',
    unknown: 'The licence could not be read; treat it as personal use only.',
  } satisfies Record<VoiceOpenness, string>,
  importTitle: 'Voice files you already have',
  importButton: 'Import voice files…',
  importPick: 'Choose a voice: the .onnx model and its .onnx.json (and MODEL_CARD if you have it)',
  importNeedsBoth: 'Choose both files of the voice: the model (.onnx) and its settings (.onnx.json).',
  catalogueTitle: 'Where voices come from',
  catalogueField: 'Voice catalogue address',
  catalogueSave: 'Use this catalogue',
  catalogueDefault: 'Use the official Piper catalogue',
  catalogueSaved: 'Voices now come from this catalogue.',
  catalogueNote: 'Any address serving a voices.json in Piper’s format. The official one lists voices from the Piper project on Hugging Face.',
  errorNetwork: 'Check the internet connection (or the catalogue address) and try again.',
  retry: 'Try again',
  languages: { en: 'English', fr: 'French', es: 'Spanish', de: 'German', it: 'Italian' } satisfies Record<Language, string>,
};

const writer = {
  title: 'Who writes the stories',
  choice: 'Story writer',
  builtIn: 'The built-in writer',
  local: 'A model on this computer',
  builtInNote: 'Stories are written by the app itself: no internet, no setup.',
  localNote:
    'Use a language model you run yourself with Ollama or llama.cpp’s server. The app asks it for the story, checks every word with its safety filter, and lets the built-in writer take over — saying so — when the model’s answer cannot be used.',
  address: 'Server address',
  addressHint: 'Ollama: http://127.0.0.1:11434/v1 · llama.cpp: http://127.0.0.1:8080/v1',
  model: 'Model name',
  modelHint: 'As the server knows it, e.g. llama3.1 (see `ollama list`).',
  key: 'Key (only if the server asks for one)',
  keySaved: 'A key is saved in the system keyring — type again to change it',
  test: 'Test',
  testing: 'Checking…',
  use: 'Use this model',
  useBuiltIn: 'Use the built-in writer',
  nowLocal: (model: string) => `Stories are now written by ${model}.`,
  nowBuiltIn: 'Stories are written by the built-in writer again.',
  needAddress: 'Type the server’s address first, e.g. http://127.0.0.1:11434/v1.',
  needModel: 'Type the model’s name first, e.g. llama3.1.',
  probeFound: (model: string) => `The server answered and has ${model}.`,
  probeNoModels: (model: string) => `The server answered but serves no model yet. Get one first, e.g. \`ollama pull ${model}\`.`,
  probeMissing: (model: string, models: string) => `The server answered but has no model called ${model}. It has: ${models}.`,
  probeUnreachable: (url: string) => `No model server answered at ${url}. Start Ollama (\`ollama serve\`) or llama.cpp’s server, and check the address.`,
};

export const voices = { natural, writer };

/** The shape every language's voices file has. */
export type VoicesStrings = typeof voices;
