import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findHelper } from "../../db/repositories/helpers.js";
import { openWorld, type World } from "../support/e2e.js";
import type { Persona } from "../support/fake-telegram/index.js";
import { approveByButton, northOf, registerHelper, SEOUL } from "../support/stories.js";

const ADMIN_ID = 900_001;

describe("an approved helper's settings", () => {
  let world: World;
  let admin: Persona;
  let ann: Persona;
  beforeEach(async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID) } });
    admin = world.fake.persona({ id: ADMIN_ID, firstName: "Admin", languageCode: "en" });
    await admin.command("start");
    await admin.waitFor("I am doum");
    ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    await registerHelper(ann, { at: SEOUL });
    await approveByButton(admin, ann);
  });
  afterEach(async () => {
    await world.close();
  });

  it("live-location edits move the stored position until the live period ends", async () => {
    const start = northOf(SEOUL, 1);
    const live = await ann.sendLocation(start.latitude, start.longitude, { livePeriod: 900 });
    await ann.waitFor("Following your live location until");
    expect(await findHelper(world.bot.db.kysely, ann.id)).toMatchObject({ latitude: start.latitude, longitude: start.longitude });

    const moved = northOf(SEOUL, 2);
    await ann.editLiveLocation(live.message_id, moved.latitude, moved.longitude);
    await world.settle();
    expect(await findHelper(world.bot.db.kysely, ann.id)).toMatchObject({ latitude: moved.latitude, longitude: moved.longitude });

    // After the live period, late edits no longer move the helper.
    world.bot.clock.advance(901_000);
    const late = northOf(SEOUL, 5);
    await ann.editLiveLocation(live.message_id, late.latitude, late.longitude);
    await world.settle();
    expect(await findHelper(world.bot.db.kysely, ann.id)).toMatchObject({ latitude: moved.latitude });

    // A plain pin always moves them.
    await ann.sendVenue(late.latitude, late.longitude, "Library", "Main street");
    await ann.waitFor("Your helper location is updated");
    expect(await findHelper(world.bot.db.kysely, ann.id)).toMatchObject({ latitude: late.latitude, liveUntil: null });
  });

  it("availability and quiet hours are stored and shown in /profile", async () => {
    await ann.command("available", "off");
    await ann.waitFor("Paused");
    expect((await findHelper(world.bot.db.kysely, ann.id))?.available).toBe(false);

    await ann.command("quiet", "23:00-07:00");
    await ann.waitFor("Quiet hours set: 23:00–07:00");
    await ann.command("quiet", "25:00-07:00");
    await ann.waitFor("Please write the window like 23:00-07:00");
    expect(await findHelper(world.bot.db.kysely, ann.id)).toMatchObject({ quietStartMinute: 23 * 60, quietEndMinute: 7 * 60 });

    await ann.command("profile");
    const profile = await ann.waitFor("Your helper profile");
    expect(profile.text).toContain("approved");
    expect(profile.text).toContain("Available: off (paused)");
    expect(profile.text).toContain("Quiet hours: 23:00–07:00");
    expect(profile.text).toContain("Travel radius: 3 km");

    // The profile's own buttons: availability back on, then a new radius.
    await ann.press("🔔 Resume requests");
    await ann.waitForEdit(profile.message_id, "Available: on");
    await ann.press("📏 Radius");
    const radius = await ann.waitFor("Choose a new one");
    await ann.press("10 km");
    await ann.waitForEdit(radius.message_id, "Travel radius set to 10 km");
    expect(await findHelper(world.bot.db.kysely, ann.id)).toMatchObject({ available: true, radiusM: 10_000 });

    // Quiet hours by the scene, and removed again.
    await ann.command("quiet");
    await ann.waitFor("Send it like 23:00-07:00");
    await ann.send("late");
    await ann.waitFor("Please write the window like");
    await ann.press("No quiet hours");
    await ann.waitFor("Quiet hours removed");
    expect(await findHelper(world.bot.db.kysely, ann.id)).toMatchObject({ quietStartMinute: null, quietEndMinute: null });
  });

  it("edits the profile through the registration steps without losing approval", async () => {
    await ann.command("profile");
    await ann.waitFor("Your helper profile");
    await ann.press("✏️ Edit profile");
    await ann.waitFor("Your profile — change a field or save");
    await ann.press("✏️ Profile");
    await ann.waitFor("3/7");
    await ann.send("Now also painting walls.");
    await ann.waitFor("Your profile — change a field or save");
    await ann.press("💾 Save");
    await ann.waitFor("Profile saved");
    expect(await findHelper(world.bot.db.kysely, ann.id)).toMatchObject({ status: "approved", profile: "Now also painting walls." });
  });
});
