// Checks the Settings form makes before asking the core (the core checks again): a Supabase
// project address must be https, except on this computer; a PIN is 4 to 8 digits.

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why this project address cannot be used, or null when it can. */
export function projectUrlProblem(raw: string): string | null {
  const text = raw.trim();
  if (!text) return 'Enter the project address, like https://abcd.supabase.co.';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'That is not a web address. It looks like https://abcd.supabase.co.';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return null;
  if (url.protocol === 'http:') return 'Use https:// — plain http is only allowed for a project on this computer.';
  return 'The address must start with https://.';
}

/** Why this PIN cannot be used, or null. */
export function pinProblem(pin: string): string | null {
  return /^\d{4,8}$/.test(pin) ? null : 'A PIN is 4 to 8 digits.';
}
