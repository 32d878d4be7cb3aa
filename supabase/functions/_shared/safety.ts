/**
 * The family-text safety filter of the embedded backend (storyteller `safety/mod.rs`), ported
 * rule for rule: custom events, hero details and avatar prompts in five languages. Mild words are
 * rewritten kindly ("scary" → "surprising"); violence, weapons, horror, adult themes, unsafe
 * activities and self-harm are refused with a message in the family's language that says what
 * to write instead. The word lists are generated from the Rust sources (safety_rules.ts).
 */
import { ENGLISH_ONLY, MESSAGES, REFUSE, SOFTEN } from "./safety_rules.ts";

export type Language = "en" | "es" | "fr" | "de" | "it";

export type SafetyVerdict =
  | { kind: "pass" }
  | { kind: "rewritten"; text: string; changes: string[] }
  | { kind: "refused"; message: string };

const CATEGORY_INDEX: Record<string, number> = {
  Violence: 0,
  Weapons: 1,
  Fear: 2,
  Adult: 3,
  Unsafe: 4,
  SelfHarm: 5,
};

interface Token {
  start: number;
  end: number;
  text: string;
}

const WORD = /[\p{L}\p{N}]/u;

/** Lowercase word tokens with their positions; an apostrophe inside a word belongs to it. */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  let start = -1;
  let i = 0;
  for (const c of text) {
    if (WORD.test(c) || ((c === "'" || c === "’") && start >= 0)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push({ start, end: i, text: normalise(text.slice(start, i)) });
      start = -1;
    }
    i += c.length;
  }
  if (start >= 0) out.push({ start, end: text.length, text: normalise(text.slice(start)) });
  return out;
}

function normalise(token: string): string {
  return token.toLowerCase().replaceAll("’", "'");
}

/** `word` exact token; `stem*` token prefix; `~part~` anywhere in a token; `a b` a phrase. */
function matches(pattern: string, toks: Token[], joined: string): boolean {
  if (pattern.includes(" ")) return joined.includes(` ${pattern} `) || joined.includes(` ${pattern}`);
  if (pattern.startsWith("~") && pattern.endsWith("~") && pattern.length > 2) {
    const part = pattern.slice(1, -1);
    return toks.some((t) => t.text.includes(part));
  }
  if (pattern.endsWith("*")) {
    const stem = pattern.slice(0, -1);
    return toks.some((t) => t.text.startsWith(stem));
  }
  return toks.some((t) => t.text === pattern);
}

function capitalised(text: string): string {
  const [first, ...rest] = [...text];
  return first === undefined ? text : first.toUpperCase() + rest.join("");
}

/** Replaces whole-word (or phrase) occurrences of `phrase`, keeping a leading capital. */
function replaceWord(text: string, phrase: string, replacement: string): string | null {
  const toks = tokens(text);
  if (phrase.endsWith("*")) {
    const stem = phrase.slice(0, -1);
    const t = toks.find((t) => t.text.startsWith(stem));
    if (!t) return null;
    return text.slice(0, t.start) + replacement + t.text.slice(stem.length) + text.slice(t.end);
  }
  const words = phrase.split(" ");
  const hits: [number, number][] = [];
  let i = 0;
  while (i + words.length <= toks.length) {
    if (words.every((w, k) => toks[i + k].text === w)) {
      hits.push([toks[i].start, toks[i + words.length - 1].end]);
      i += words.length;
    } else {
      i += 1;
    }
  }
  if (hits.length === 0) return null;
  let out = "";
  let last = 0;
  for (const [start, end] of hits) {
    out += text.slice(last, start);
    out += /^\p{Lu}/u.test(text.slice(start)) ? capitalised(replacement) : replacement;
    last = end;
  }
  return out + text.slice(last);
}

/** A kind refusal in `language` naming what was found and what to write instead. */
function message(language: Language, category: string, words: string[]): string {
  const unique = [...new Set(words)];
  const found = unique.slice(0, 3).map((w) => `"${w}"`).join(", ");
  const m = MESSAGES[language];
  return `${m.lead.replace("{found}", found)} ${m.tips[CATEGORY_INDEX[category] ?? 0]}`;
}

/** Checks `text` written in `language` (English words are always checked too). */
export function checkText(text: string, language: Language): SafetyVerdict {
  const toks = tokens(text);
  const joined = ` ${toks.map((t) => t.text).join(" ")} `;
  const found: [string, string][] = [];
  for (const rule of REFUSE) {
    if (rule.language !== language && rule.language !== "en") continue;
    for (const pattern of rule.patterns) {
      const foreign = rule.language !== language;
      // English stems would catch foreign words ("stab*" in French "stable").
      if (foreign && (ENGLISH_ONLY.includes(pattern) || pattern.endsWith("*"))) continue;
      if (matches(pattern, toks, joined)) found.push([rule.category, pattern]);
    }
  }
  if (found.length > 0) {
    const words = found.map(([, w]) => w.replace(/\*+$/, "").replace(/^~+|~+$/g, ""));
    return { kind: "refused", message: message(language, found[0][0], words) };
  }
  let rewritten = text;
  const changes: string[] = [];
  for (const rule of SOFTEN) {
    if (rule.language !== language) continue;
    for (const [word, replacement] of rule.swaps) {
      for (;;) {
        const next = replaceWord(rewritten, word, replacement);
        if (next === null) break;
        changes.push(`'${word.replace(/\*+$/, "")}' → '${replacement}'`);
        rewritten = next;
        if (!word.endsWith("*")) break;
      }
    }
  }
  return changes.length === 0 ? { kind: "pass" } : { kind: "rewritten", text: rewritten, changes };
}
