// Fails when the embedded backend's tables (src-tauri/crates/server/src/rest/schema.rs) and the
// Supabase migrations drift apart: every column's type, nullability and default, the values each
// enum column allows (CHECK … IN), and the unique keys. The PostgreSQL side is a snapshot of
// information_schema/pg_constraint taken by run.sh after applying the migrations
// (SCHEMA_SNAPSHOT); the Rust side is read from the source.
import assert from "node:assert/strict";

export interface RustColumn {
  name: string;
  ty: string;
  values?: string[];
  required: boolean;
  default: string;
}

export interface RustTable {
  name: string;
  columns: RustColumn[];
  uniques: string[][];
}

const strings = (s: string) => [...s.matchAll(/"([^"]*)"/g)].map((m) => m[1]);

/**
 * The contract crate's catalogues (`Name as "…" { Variant => "id", … }` in catalogue.rs, and
 * enums with their own `IDS` list such as `IllustrationStatus` in wire.rs): name → wire ids.
 */
export function parseCatalogues(...sources: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const src of sources) {
    for (const m of src.matchAll(/(\w+) as "[^"]*" \{([^}]*)\}/g)) {
      out.set(m[1], [...m[2].matchAll(/=>\s*"([^"]*)"/g)].map((v) => v[1]));
    }
    for (const m of src.matchAll(/impl (\w+) \{[^}]*?pub const IDS: &'static \[&'static str\] = &\[(.*?)\];/gs)) {
      out.set(m[1], strings(m[2]));
    }
  }
  return out;
}

/** The tables declared in schema.rs; enum lists written as `Catalogue::IDS` come from `catalogues`. */
export function parseSchemaRs(src: string, catalogues: Map<string, string[]> = new Map()): RustTable[] {
  const lists = new Map<string, string[]>();
  for (const m of src.matchAll(/const (\w+): &\[&str\] = &\[(.*?)\];/gs)) lists.set(m[1], strings(m[2]));
  for (const m of src.matchAll(/const (\w+): &\[&str\] = (\w+)::IDS;/g)) {
    const ids = catalogues.get(m[2]);
    if (ids) lists.set(m[1], ids);
  }
  const column = (kind: string, name: string, ty: string, tyArg: string | undefined, def?: string): RustColumn => {
    let values: string[] | undefined;
    if (ty === "Enum") values = tyArg!.trim().startsWith("&[") ? strings(tyArg!) : lists.get(tyArg!.trim());
    if (ty === "Enum" && !values) throw new Error(`schema.rs: enum list ${tyArg} not found`);
    return { name, ty, values, required: kind !== "c", default: def ?? "Null" };
  };
  const consts = new Map<string, RustColumn>();
  const entry =
    /\b(req|c|d)\(\s*"(\w+)",\s*Ty::(\w+)(?:\(([^)]*)\))?\s*(?:,\s*Default::(\w+(?:\([^)]*\))?))?\s*,?\s*\)|\b([A-Z][A-Z_]+)\b/g;
  for (
    const m of src.matchAll(
      /const (\w+): Column = (\w+)\(("\w+",\s*Ty::\w+(?:\([^)]*\))?(?:,\s*Default::\w+(?:\([^)]*\))?)?)\);/g,
    )
  ) {
    const inner = [...`${m[2]}(${m[3]})`.matchAll(entry)][0];
    consts.set(m[1], column(inner[1], inner[2], inner[3], inner[4], inner[5]));
  }
  const tables: RustTable[] = [];
  for (
    const m of src.matchAll(
      /static \w+: Table = Table \{\s*name: "(\w+)",.*?columns: &\[(.*?)\],\s*uniques: &\[(.*?)\],\s*\};/gs,
    )
  ) {
    const columns: RustColumn[] = [];
    for (const e of m[2].matchAll(entry)) {
      if (e[6]) {
        const c = consts.get(e[6]);
        if (!c) throw new Error(`schema.rs: column constant ${e[6]} not found`);
        columns.push(c);
      } else {
        columns.push(column(e[1], e[2], e[3], e[4], e[5]));
      }
    }
    const uniques = [...m[3].matchAll(/&\[([^\]]*)\]/g)].map((u) => strings(u[1]));
    tables.push({ name: m[1], columns, uniques });
  }
  return tables;
}

export interface Snapshot {
  columns: { table: string; column: string; type: string; nullable: boolean; default: string | null }[];
  checks: { table: string; name: string; definition: string }[];
  uniques: { table: string; columns: string[] }[];
}

const PG_TYPE: Record<string, string> = {
  Uuid: "uuid",
  Text: "text",
  Enum: "text",
  Int: "int4",
  Float: "float8",
  Bool: "bool",
  Time: "timestamptz",
  TextArray: "_text",
};

/** Does PostgreSQL's column default mean the same as the Rust default? */
function sameDefault(rust: string, pg: string | null): boolean {
  const p = pg ?? "";
  const arg = rust.match(/\((.*)\)$/)?.[1];
  switch (rust.replace(/\(.*$/, "")) {
    case "Null":
      return pg === null;
    case "NewUuid":
      return p === "gen_random_uuid()";
    case "Now":
      return p === "now()";
    case "Caller":
      return p === "auth.uid()";
    case "Bool":
      return p === arg;
    case "Int":
      return p === arg || p === `'${arg}'::double precision`;
    case "Text":
      return p === `'${JSON.parse(arg!)}'::text`;
    case "EmptyArray":
      return p === "'{}'::text[]";
  }
  return false;
}

/** The allowed values of a `CHECK (col = ANY (ARRAY['a'::text, …]))` on `column`, if any. */
function checkValues(snapshot: Snapshot, table: string, column: string): string[] | null {
  for (const c of snapshot.checks.filter((c) => c.table === table)) {
    const m = c.definition.match(/^CHECK \(\(?(\w+) = ANY \(ARRAY\[(.*)\]\)\)?\)$/);
    if (m && m[1] === column) return [...m[2].matchAll(/'([^']*)'::text/g)].map((v) => v[1]);
  }
  return null;
}

/** Every difference between the Rust tables and the snapshot, as readable lines. */
export function drift(rust: RustTable[], snapshot: Snapshot): string[] {
  const out: string[] = [];
  for (const t of rust) {
    const pgCols = snapshot.columns.filter((c) => c.table === t.name);
    if (pgCols.length === 0) {
      out.push(`table ${t.name}: in the embedded backend, missing from the migrations`);
      continue;
    }
    for (const c of t.columns) {
      const pg = pgCols.find((p) => p.column === c.name);
      const at = `${t.name}.${c.name}`;
      if (!pg) {
        out.push(`${at}: in the embedded backend, missing from the migrations`);
        continue;
      }
      if (pg.type !== PG_TYPE[c.ty]) {
        out.push(`${at}: type ${pg.type} in PostgreSQL, ${c.ty} (${PG_TYPE[c.ty]}) in the embedded backend`);
      }
      if (pg.nullable === c.required) {
        out.push(
          `${at}: ${pg.nullable ? "nullable" : "NOT NULL"} in PostgreSQL, ${
            c.required ? "required" : "optional"
          } in the embedded backend`,
        );
      }
      if (!sameDefault(c.default, pg.default)) {
        out.push(`${at}: default ${pg.default ?? "none"} in PostgreSQL, ${c.default} in the embedded backend`);
      }
      const allowed = checkValues(snapshot, t.name, c.name);
      if (c.values) {
        if (!allowed) {
          out.push(
            `${at}: no CHECK of its values in PostgreSQL, one of ${c.values.join(", ")} in the embedded backend`,
          );
        } else if ([...allowed].sort().join() !== [...c.values].sort().join()) {
          out.push(`${at}: allows ${allowed.join(", ")} in PostgreSQL, ${c.values.join(", ")} in the embedded backend`);
        }
      } else if (allowed) {
        out.push(`${at}: PostgreSQL restricts it to ${allowed.join(", ")}, the embedded backend does not`);
      }
    }
    for (const p of pgCols) {
      if (!t.columns.some((c) => c.name === p.column)) {
        out.push(`${t.name}.${p.column}: in the migrations, missing from the embedded backend`);
      }
    }
    const key = (cols: string[]) => cols.join(",");
    const pgUniques = snapshot.uniques.filter((u) => u.table === t.name).map((u) => key(u.columns)).sort();
    const rustUniques = t.uniques.map(key).sort();
    if (pgUniques.join(";") !== rustUniques.join(";")) {
      out.push(
        `${t.name}: unique keys (${pgUniques.join("; ") || "none"}) in PostgreSQL, (${
          rustUniques.join("; ") || "none"
        }) in the embedded backend`,
      );
    }
  }
  return out;
}

const rustPath = Deno.env.get("EMBEDDED_SCHEMA") ??
  new URL("../../../src-tauri/crates/server/src/rest/schema.rs", import.meta.url).pathname;

const contractPath = (file: string) =>
  new URL(`../../../src-tauri/crates/contract/src/${file}`, import.meta.url).pathname;
const catalogues = async () =>
  parseCatalogues(
    await Deno.readTextFile(contractPath("catalogue.rs")),
    await Deno.readTextFile(contractPath("wire.rs")),
  );

Deno.test("schema.rs parses into the contract's six tables", async () => {
  const tables = parseSchemaRs(await Deno.readTextFile(rustPath), await catalogues());
  assert.deepEqual(tables.map((t) => t.name).sort(), [
    "custom_events",
    "heroes",
    "listening_sessions",
    "stories",
    "story_illustrations",
    "story_scenes",
  ]);
  const heroes = tables.find((t) => t.name === "heroes")!;
  assert.deepEqual(heroes.columns[0], {
    name: "id",
    ty: "Uuid",
    values: undefined,
    required: true,
    default: "NewUuid",
  });
  assert.deepEqual(heroes.columns.find((c) => c.name === "pronouns")!.values, ["she", "he", "they"]);
  assert.equal(tables.find((t) => t.name === "stories")!.columns.length, 23);
});

Deno.test("the migrations and the embedded backend have the same tables", async () => {
  const path = Deno.env.get("SCHEMA_SNAPSHOT");
  assert.ok(
    path,
    "SCHEMA_SNAPSHOT is not set: run this test through supabase/tests/run.sh, which applies the migrations first",
  );
  const snapshot: Snapshot = JSON.parse(await Deno.readTextFile(path));
  const differences = drift(parseSchemaRs(await Deno.readTextFile(rustPath), await catalogues()), snapshot);
  assert.deepEqual(differences, [], `the schemas drifted apart:\n  ${differences.join("\n  ")}`);
});

Deno.test("the drift check names what differs", async () => {
  const rust = parseSchemaRs(await Deno.readTextFile(rustPath), await catalogues());
  const snapshot: Snapshot = {
    columns: [
      { table: "story_scenes", column: "id", type: "uuid", nullable: false, default: "gen_random_uuid()" },
      { table: "story_scenes", column: "story_id", type: "text", nullable: false, default: null },
      { table: "story_scenes", column: "scene_number", type: "int4", nullable: true, default: null },
      { table: "story_scenes", column: "mood", type: "text", nullable: true, default: null },
      { table: "story_scenes", column: "emotion", type: "text", nullable: true, default: null },
      {
        table: "story_scenes",
        column: "timestamp_seconds",
        type: "float8",
        nullable: false,
        default: "'1'::double precision",
      },
    ],
    checks: [{
      table: "story_scenes",
      name: "story_scenes_emotion_check",
      definition: "CHECK ((emotion = ANY (ARRAY['joyful'::text])))",
    }],
    uniques: [],
  };
  const lines = drift(rust.filter((t) => t.name === "story_scenes"), snapshot);
  const has = (re: RegExp) => assert.ok(lines.some((l) => re.test(l)), `${re} not in:\n${lines.join("\n")}`);
  has(/^story_scenes\.story_id: type text in PostgreSQL, Uuid/);
  has(/^story_scenes\.scene_number: nullable in PostgreSQL, required/);
  has(/^story_scenes\.text_segment: in the embedded backend, missing from the migrations/);
  has(/^story_scenes\.mood: in the migrations, missing from the embedded backend/);
  has(/^story_scenes\.emotion: allows joyful in PostgreSQL, joyful, peaceful/);
  has(/^story_scenes\.importance: in the embedded backend, missing/);
  has(/^story_scenes\.timestamp_seconds: default '1'::double precision in PostgreSQL, Int\(0\)/);
  has(/^story_scenes: unique keys \(none\) in PostgreSQL, \(story_id,scene_number\)/);
});

Deno.test("the edge functions' catalogues are the contract's, in its order", async () => {
  const contract = await catalogues();
  const shared = await import("../../functions/_shared/catalog.ts");
  const pairs: [string, readonly string[]][] = [
    ["BuiltInEvent", shared.BUILT_IN_EVENTS],
    ["Language", shared.LANGUAGES],
    ["Voice", shared.VOICES],
    ["Emotion", shared.EMOTIONS],
    ["Importance", shared.IMPORTANCE],
    ["AvatarStyle", shared.STYLES],
    ["ImageSize", shared.SIZES],
  ];
  for (const [name, ts] of pairs) {
    assert.deepEqual([...ts], contract.get(name), `${name}: functions/_shared/catalog.ts differs from catalogue.rs`);
  }
});
