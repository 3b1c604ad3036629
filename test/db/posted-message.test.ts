import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/create-db.js";
import { migrateToLatest } from "../../db/migrate.js";
import { cancelRequest } from "../../src/services/requests/closing.js";
import { postRequest, rememberPostedMessage } from "../../src/services/requests/posting.js";
import { tempSqliteUrl } from "../support/databases.js";
import { seedUser } from "../support/seed.js";
import { serviceDeps } from "../support/services.js";

/**
 * The scene replies "📣 Posted" itself and then remembers the message. A request that changed in
 * the moment between (cancelled from another chat, say) must still get its Posted message edited.
 */
describe("remembering the Posted message", () => {
  const db = createDb(tempSqliteUrl());
  afterAll(() => db.destroy());

  it("records the reply under the request's ref, and edits it at once when the request already closed", async () => {
    await migrateToLatest(db.kysely);
    const deps = serviceDeps(db.kysely);
    const rita = 100_001;
    const mallory = 100_002;
    for (const id of [rita, mallory]) await seedUser(db.kysely, { id, alias: `User ${id}`, now: deps.clock.now() });
    const draft = { category: "repairs", description: "Fix a tap.", place: { latitude: 35, longitude: 129 }, validityMinutes: 30, fee: 0 };
    const posted = await postRequest(deps, rita, draft);
    if (!posted.ok) throw new Error(posted.reason);
    expect(await cancelRequest(deps, rita, posted.requestId)).toBe(true);

    // Someone else's request is not theirs to remember.
    await rememberPostedMessage(deps, mallory, { requestId: posted.requestId, messageId: 7, params: { text: "forged" } });
    await rememberPostedMessage(deps, rita, { requestId: posted.requestId, messageId: 42, params: { text: "📣 Posted." } });
    const rows = await db.kysely
      .selectFrom("outbox")
      .select(["chat_id", "method", "status", "message_id", "payload"])
      .where((eb) => eb.or([eb("ref", "=", `posted:${posted.requestId}`), eb("payload", "like", `%"ref":"posted:${posted.requestId}"%`)]))
      .orderBy("id")
      .execute();
    // The cancel's own edit came before the message was known; the second one reaches it.
    expect(rows.map((r) => [r.chat_id, r.method, r.status, r.message_id])).toEqual([
      [0, "editByRef", "pending", null],
      [rita, "sendMessage", "sent", 42],
      [0, "editByRef", "pending", null],
    ]);
    const edit = JSON.parse(rows[2]!.payload) as { textByLanguage: Record<string, string>; keyboardByLanguage: Record<string, unknown> };
    expect(edit.textByLanguage.en).toBe("✖️ Repairs — Request cancelled. Helpers who saw it were told.");
    expect(JSON.stringify(edit.keyboardByLanguage.ko)).toContain("다시 올리기");
  });
});
