import type { Kysely } from "kysely";
import { helperPositionColumns } from "../../db/repositories/helper-search.js";
import type { Database } from "../../db/schema.js";
import type { Persona } from "./fake-telegram/index.js";
import type { Place } from "./stories.js";

/**
 * Makes an already-started persona an approved helper directly in the database. For stories
 * about requests with many helpers; registration itself is proven in helper-registration.test.ts.
 */
export async function seedApprovedHelper(db: Kysely<Database>, persona: Persona, at: Place, radiusKm: number, now: number): Promise<void> {
  await db
    .insertInto("helpers")
    .values({
      user_id: persona.id,
      status: "approved",
      categories: JSON.stringify(["repairs"]),
      categories_note: null,
      profile: `Helper ${persona.firstName}`,
      photo_file_id: null,
      career_note: null,
      ...helperPositionColumns(at.latitude, at.longitude),
      position_updated_at: now,
      live_until: null,
      radius_m: radiusKm * 1000,
      submitted_at: now,
      decided_at: now,
      decided_by: 1,
      decision_reason: null,
    })
    .execute();
}
