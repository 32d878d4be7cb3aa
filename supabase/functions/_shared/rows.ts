/**
 * Reading the caller's rows the way the embedded backend does (server `functions/mod.rs`
 * `Call::owned` and `story.rs` `hero_of`): an id that is not a UUID is INVALID_REQUEST, a row
 * nobody has is NOT_FOUND, someone else's row is FORBIDDEN; and a `heroes` row as the writer's hero.
 */
import { uuid } from "./catalog.ts";
import { FnError } from "./envelope.ts";
import type { Call } from "./runtime.ts";
import type { OwnedTable, Row } from "./store.ts";
import type { HeroSpec } from "./writer.ts";

const NAMES: Record<OwnedTable, [string, string]> = {
  heroes: ["Hero", "hero"],
  stories: ["Story", "story"],
  custom_events: ["Custom event", "custom event"],
};

/** The caller's row `id` of `table`; `field` names the request field in errors. */
export async function owned(call: Call, table: OwnedTable, id: unknown, field: string): Promise<Row> {
  const key = uuid(id, field);
  const row = await call.store.row(table, key);
  const [title, lower] = NAMES[table];
  if (!row) throw FnError.notFound(title);
  if (row.user_id !== call.user) throw FnError.forbidden(lower);
  return row;
}

const text = (row: Row, key: string): string | null => typeof row[key] === "string" ? row[key] as string : null;

export function heroOf(row: Row): HeroSpec {
  const primary = text(row, "primary_trait") ?? "kind";
  return {
    name: text(row, "name") ?? "Hero",
    pronouns: text(row, "pronouns"),
    primaryTrait: primary,
    secondaryTrait: text(row, "secondary_trait") ?? primary,
    appearance: text(row, "appearance"),
    specialAbility: text(row, "special_ability"),
  };
}
