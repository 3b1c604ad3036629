import { afterEach, describe, expect, it } from "vitest";
import { findUser } from "../../db/repositories/users.js";
import { openWorld, type World } from "../support/e2e.js";
import { seedHelperRow } from "../support/seed.js";
import { SEOUL } from "../support/stories.js";

const MINA = 900_401;
const JUN = 900_402;

describe("looking a user up in the admin console", () => {
  let world: World;
  afterEach(async () => world?.close());

  it("/admin <alias or id> shows standing, badges, balance and the latest credit entries and admin decisions, in English and Korean", async () => {
    world = await openWorld({ env: { ADMIN_IDS: `${MINA},${JUN}` } });
    const db = world.bot.db.kysely;
    const mina = world.fake.persona({ id: MINA, firstName: "Mina", languageCode: "en" });
    const jun = world.fake.persona({ id: JUN, firstName: "Jun", languageCode: "ko" });
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    for (const p of [mina, jun, rita]) {
      await p.command("start");
      await p.waitFor("doum");
    }
    const alias = (await findUser(db, rita.id))!.alias;
    await seedHelperRow(db, { userId: rita.id, at: SEOUL, radiusKm: 1, now: world.bot.clock.now() });
    await db
      .insertInto("badge_entries")
      .values({ user_id: rita.id, kind: "help", amount: 1, reason: "completed", subject_id: 1, created_at: world.bot.clock.now() })
      .execute();

    // Two audited decisions through the admin commands, then the look-up by alias.
    await mina.command("credit", `${rita.id} +20 cash top-up <b>at</b> the office`);
    await mina.waitFor("Done:");
    await mina.command("restrict", `${rita.id} three no-shows`);
    await mina.waitFor("⛔ Restricted");
    await mina.command("admin", alias.toUpperCase());
    const card = await mina.waitFor(`${alias} (id ${rita.id})`);
    expect(card.text).toContain("Helper: ✅ approved");
    expect(card.text).toContain("⛔ Restricted: three no-shows");
    expect(card.text).toContain("🏅 Help badges: 1 · penalties: 0 · donated: 0");
    expect(card.text).toContain("💳 Credits: 20 (held by requests: 0, free: 20)");
    // The reason is the admin's own text, shown as written, never as markup.
    expect(card.text).toMatch(/Latest credit entries\n• .* \+20 — from an admin: cash top-up <b>at<\/b> the office/);
    expect(card.text).toMatch(
      /Latest admin decisions\n• .* restricted — three no-shows\n• .* credits adjusted — 20: cash top-up <b>at<\/b> the office$/,
    );

    await jun.command("admin", String(rita.id));
    const koCard = await jun.waitFor(`${alias} (id ${rita.id})`);
    expect(koCard.text).toContain("헬퍼: ✅ 승인됨");
    expect(koCard.text).toContain("⛔ 제한됨: three no-shows");
    expect(koCard.text).toContain("💳 크레딧: 20 (요청에 묶임: 0, 쓸 수 있음: 20)");
    // Admin decisions in words of the reader's language, never as codes.
    expect(koCard.text).toMatch(/최근 관리자 조치\n• .* 제한 — three no-shows\n• .* 크레딧 조정 — 20: cash top-up <b>at<\/b> the office$/);

    await jun.command("admin", "없는별명");
    await jun.waitFor("id나 별명이 “없는별명”인 사용자가 없어요.");
    await mina.command("admin", "424242");
    await mina.waitFor("No user has the id or alias “424242”.");
  });

  it("for anyone else, /admin with an alias is an unknown command and shows nothing", async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(MINA) } });
    const eve = world.fake.persona({ firstName: "Eve", languageCode: "en" });
    await eve.command("start");
    await eve.waitFor("I am doum");
    await eve.command("admin", String(eve.id));
    await eve.waitFor("I don't know that command");
    await world.settle();
    expect(eve.inbox.some((m) => m.text.includes("Credits:"))).toBe(false);
  });
});
