// The safety filter behaves as the embedded backend's (the storyteller's own unit tests, ported),
// and its generated word lists are up to date with the Rust sources.
import assert from "node:assert/strict";
import { checkText } from "../../functions/_shared/safety.ts";
import { generate, MODULE } from "../tools/safety_rules.ts";

Deno.test("the generated safety rules match the storyteller's Rust rules", async () => {
  assert.equal(
    await Deno.readTextFile(MODULE),
    await generate(),
    "functions/_shared/safety_rules.ts is stale: run `deno run --allow-read --allow-write supabase/tests/tools/safety_rules.ts`",
  );
});

Deno.test("mild words are rewritten and capitals kept", () => {
  assert.deepEqual(checkText("Scary shadows in the dark forest", "en"), {
    kind: "rewritten",
    text: "Surprising shadows in the starry forest",
    changes: ["'scary' → 'surprising'", "'dark forest' → 'starry forest'"],
  });
});

Deno.test("refusals say what to change, in the family's language", () => {
  const v = checkText("Le héros prend un couteau", "fr");
  assert.equal(v.kind, "refused");
  assert.match((v as { message: string }).message, /"couteau".*histoire du soir/);
  const en = checkText("The dragon wants to kill the knight", "en");
  assert.equal(en.kind, "refused");
  assert.match((en as { message: string }).message, /"kill".*friendly challenge/);
});

Deno.test("words inside other words do not trigger, English stems skip foreign words", () => {
  assert.deepEqual(checkText("A warm wardrobe full of skills", "en"), { kind: "pass" });
  assert.deepEqual(checkText("Die Katze spielt im Garten", "de"), { kind: "pass" });
  assert.deepEqual(checkText("Le cheval est dans son box, très stable", "fr"), { kind: "pass" });
});

Deno.test("softened words keep the article in front of them right", () => {
  const cases: [Parameters<typeof checkText>[1], string, string][] = [
    ["es", "El miedo a la oscuridad", "El respeto a la noche estrellada"],
    ["es", "Una pesadilla rara", "Una fantasía rara"],
    ["es", "La bruja del bosque", "La maga del bosque"],
    ["it", "La paura del buio", "La trepidazione del buio"],
    ["it", "Luca ha paura", "Luca ha un po' di batticuore"],
    ["de", "Die Angst vor der Dunkelheit", "Die Aufregung vor der Sternennacht"],
    ["de", "Mia hat Angst", "Mia ist aufgeregt"],
  ];
  for (const [language, text, expected] of cases) {
    const v = checkText(text, language);
    assert.equal(v.kind === "rewritten" ? v.text : v.kind, expected, `${language}: ${text}`);
  }
});

/** The `(Language::X, "text")` pairs of a `const NAME` in the storyteller's safety tests. */
async function corpus(name: string): Promise<[Parameters<typeof checkText>[1], string][]> {
  const src = await Deno.readTextFile(
    new URL("../../../src-tauri/crates/storyteller/tests/safety.rs", import.meta.url),
  );
  const body = src.match(new RegExp(`const ${name}: &\\[\\(Language, &str\\)\\] = &\\[(.*?)\\n\\];`, "s"))?.[1] ?? "";
  return [...body.matchAll(/\(\s*Language::(\w+),\s*"((?:[^"\\]|\\.)*)",?\s*\)/g)].map((m) => [
    m[1].toLowerCase() as Parameters<typeof checkText>[1],
    JSON.parse(`"${m[2]}"`),
  ]);
}

Deno.test("the storyteller's red team is refused or softened here too", async () => {
  const redTeam = await corpus("RED_TEAM");
  assert.ok(redTeam.length >= 60, `only ${redTeam.length} red-team inputs parsed`);
  const soft = [
    "scary",
    "monster",
    "alone",
    "effrayant",
    "monstre",
    "aterrador",
    "monstruo",
    "gruselig",
    "spaventoso",
    "mostro",
  ];
  for (const [language, text] of redTeam) {
    const v = checkText(text, language);
    assert.notEqual(v.kind, "pass", `unsafe input passed: ${text} (${language})`);
    if (v.kind === "refused") assert.ok(v.message.length > 40, `${text}: ${v.message}`);
    if (v.kind === "rewritten") assert.ok(!soft.some((w) => v.text.toLowerCase().includes(w)), `${text} → ${v.text}`);
  }
});

Deno.test("the storyteller's ordinary custom events are never refused here either", async () => {
  const ordinary = await corpus("ORDINARY");
  assert.equal(ordinary.length, 40);
  for (const [language, text] of ordinary) {
    assert.notEqual(checkText(text, language).kind, "refused", `${text} (${language})`);
  }
});
