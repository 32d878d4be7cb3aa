// English text of Settings → Advanced: how stories are made (the story server, or an
// OpenAI-compatible provider the app calls itself, or automatic by the rollout), the provider's
// address, models and key. Its shape is `AdvancedStrings`, which es/fr/de/it.advanced.ts
// satisfy; components read it through `advancedText` from `$lib/i18n`.
const advanced = {
  title: 'Advanced',
  intro: 'How stories are made: by the story server, or by an OpenAI-compatible provider that this app calls itself with your key. Either way the stories land in the same library, on every device.',
  modeLabel: 'How stories are made',
  automatic: 'Automatic',
  automaticNote: (percent: number) => `${percent} % of families have their stories made by the story server, the others by the provider. A family always stays on the same side.`,
  backend: 'Always the story server',
  backendNote: 'The story server writes, narrates and draws. Nothing else is needed.',
  direct: 'Always the provider',
  directNote: 'This app asks the provider for the story, the narration and the pictures, then saves them like the story server would. The provider charges your account.',
  rollout: 'Share of families on the story server (%)',
  provider: 'Provider',
  address: 'Provider address',
  addressHint: 'An OpenAI-compatible address ending in /v1, e.g. https://api.openai.com/v1.',
  chatModel: 'Story model',
  speechModel: 'Narration model',
  imageModel: 'Picture model',
  key: 'API key',
  keySaved: 'A key is saved in this computer’s keyring. It is never shown; type a new one to replace it.',
  keyNone: 'No key is saved.',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved.',
  forget: 'Forget key',
  forgotten: 'The key was deleted from this computer’s keyring.',
  nowBackend: 'Your next story will be made by the story server.',
  nowDirect: 'Your next story will be made by the provider.',
  noKeyYet: 'The provider has no key yet, so the story server makes the stories for now.',
  needAddress: 'Give the provider’s address, e.g. https://api.openai.com/v1.',
  needModel: 'Give a name for each of the three models.',
  percentRange: 'The share is a whole number from 0 to 100.',
};

export { advanced };
/** The shape every language's Advanced strings have. */
export type AdvancedStrings = typeof advanced;
