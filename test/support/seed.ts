import type { Kysely } from "kysely";
import { helperPositionColumns } from "../../db/repositories/helper-search.js";
import type { Database } from "../../db/schema.js";
import type { HelperStatus } from "../../src/domain/helpers.js";
import type { Persona } from "./fake-telegram/index.js";
import type { Place } from "./stories.js";

/** A helper row as registration and an admin's approval would leave it. */
export async function seedHelperRow(
  db: Kysely<Database>,
  helper: { userId: number; at: Place; radiusKm: number; now: number; categories?: string[]; status?: HelperStatus },
): Promise<void> {
  const status = helper.status ?? "approved";
  const decided = status !== "pending";
  await db
    .insertInto("helpers")
    .values({
      user_id: helper.userId,
      status,
      categories: JSON.stringify(helper.categories ?? ["repairs"]),
      categories_note: null,
      profile: `Helper ${helper.userId}`,
      photo_file_id: null,
      career_note: null,
      ...helperPositionColumns(helper.at.latitude, helper.at.longitude),
      position_updated_at: helper.now,
      live_until: null,
      radius_m: helper.radiusKm * 1000,
      submitted_at: helper.now,
      decided_at: decided ? helper.now : null,
      decided_by: decided ? 1 : null,
      decision_reason: null,
    })
    .execute();
}

/** A user who has started the bot, in English. */
export async function seedUser(db: Kysely<Database>, user: { id: number; alias: string; now: number }): Promise<void> {
  await db
    .insertInto("users")
    .values({
      id: user.id,
      alias: user.alias,
      language: "en",
      client_language: "en",
      created_at: user.now,
      last_seen_at: user.now,
      restricted_at: null,
      restricted_reason: null,
    })
    .execute();
}

/**
 * Makes an already-started persona an approved helper directly in the database. For stories
 * about requests with many helpers; registration itself is proven in helper-registration.test.ts.
 */
export async function seedApprovedHelper(
  db: Kysely<Database>,
  persona: Persona,
  at: Place,
  radiusKm: number,
  now: number,
  categories?: string[],
): Promise<void> {
  await seedHelperRow(db, { userId: persona.id, at, radiusKm, now, categories });
}
