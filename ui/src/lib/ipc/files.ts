// Files a parent picks with the system's file picker (tauri-plugin-dialog), as paths the shell
// reads. Only Settings → Voices uses it: a voice's .onnx model, its .onnx.json and model card.
import { open } from '@tauri-apps/plugin-dialog';

export interface VoiceFiles {
  model: string;
  config: string;
  card: string | null;
}

/** The picked files of one voice; `null` when the picker was closed, `'incomplete'` without both. */
export async function pickVoiceFiles(title: string): Promise<VoiceFiles | 'incomplete' | null> {
  const picked = await open({
    title,
    multiple: true,
    directory: false,
    filters: [
      { name: 'Piper voice', extensions: ['onnx', 'json'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  if (!picked || picked.length === 0) return null;
  const model = picked.find((p) => p.endsWith('.onnx'));
  const config = picked.find((p) => p.endsWith('.onnx.json'));
  const card = picked.find((p) => /MODEL_CARD$/.test(p)) ?? null;
  if (!model || !config) return 'incomplete';
  return { model, config, card };
}
