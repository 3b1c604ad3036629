import { computeDestinationPoint, earthRadius } from "geolib";
import { afterEach, describe, expect, it } from "vitest";
import { distanceMeters, fuzzLocation, type LatLon } from "../../src/domain/geo.js";
import { openWorld, type World } from "../support/e2e.js";
import type { InboxMessage, Persona } from "../support/fake-telegram/index.js";
import { seedApprovedHelper } from "../support/seed.js";
import { askForHelp, SEOUL } from "../support/stories.js";

const GRID_M = 500;
const SEARCH_M = 3000;

/** Two exact places in one fuzzing square, near its opposite corners. */
function twoPlacesInOneSquare(): { centre: LatLon; a: LatLon; b: LatLon } {
  const centre = fuzzLocation(SEOUL.latitude, SEOUL.longitude, GRID_M);
  const latStep = GRID_M / ((earthRadius * Math.PI) / 180);
  const lonStep = latStep / Math.cos((centre.latitude * Math.PI) / 180);
  const at = (f: number) => ({ latitude: centre.latitude + f * latStep, longitude: centre.longitude + f * lonStep });
  return { centre, a: at(-0.4), b: at(0.4) };
}

/** The request an Accept button of this message is for. */
function requestOf(m: InboxMessage): number | undefined {
  const data = m.raw.reply_markup?.inline_keyboard.flat()[0]?.callback_data ?? "";
  const match = /^1:acc:(\d+):/.exec(data);
  return match ? Number(match[1]) : undefined;
}

/** Every notice of `requestId` the persona got, each with the map pin sent just before it. */
function noticesOf(persona: Persona, requestId: number) {
  return persona.inbox.flatMap((m, i) => {
    if (requestOf(m) !== requestId) return [];
    const pin = persona.inbox[i - 1];
    expect(pin?.kind).toBe("location");
    return [{ text: m.text, pin: pin!.location }];
  });
}

/** What a curious helper learns of one request at one position. */
interface Observation {
  at: LatLon;
  /** The distance as shown ("about 3 km"), or undefined when the request was not shown at all. */
  band: string | undefined;
}

/** The distance a notice shows, in English words whichever language it is in. */
function bandIn(text: string): string {
  const en = /· (under 1 km|about \d+ km) away/.exec(text)?.[1];
  if (en) return en;
  const ko = /· 거리 (1 km 이내|약 (\d+) km)/.exec(text);
  if (!ko) throw new Error(`no distance in ${text}`);
  return ko[2] === undefined ? "under 1 km" : `about ${ko[2]} km`;
}

/** [min, max) metres a shown distance stands for. */
function bandRange(band: string): [number, number] {
  if (band === "under 1 km") return [0, 1000];
  const km = Number(/^about (\d+) km$/.exec(band)?.[1]);
  return [km * 1000 - 500, km * 1000 + 500];
}

/**
 * The curious helper's best guess: every candidate point on a 20 m lattice around the area is
 * scored by how many observations it explains, assuming (as the old bot did) that distances
 * and "shown or not" are measured to the exact spot; the guess is the centroid of the best.
 */
function estimate(observations: Observation[], around: LatLon): LatLon {
  let best = -1;
  let sum = { latitude: 0, longitude: 0, n: 0 };
  for (let north = -1500; north <= 1500; north += 20) {
    for (let east = -1500; east <= 1500; east += 20) {
      const p = computeDestinationPoint(computeDestinationPoint(around, north, 0), east, 90);
      let score = 0;
      for (const o of observations) {
        const d = distanceMeters(o.at, p);
        const shown = d <= SEARCH_M;
        if (o.band === undefined ? !shown : shown && d >= bandRange(o.band)[0] && d < bandRange(o.band)[1]) score++;
      }
      if (score > best) {
        best = score;
        sum = { latitude: 0, longitude: 0, n: 0 };
      }
      if (score === best) sum = { latitude: sum.latitude + p.latitude, longitude: sum.longitude + p.longitude, n: sum.n + 1 };
    }
  }
  return { latitude: sum.latitude / sum.n, longitude: sum.longitude / sum.n };
}

/** What the old bot would have shown: distances and range to the exact spot, rounded. */
function leakyObservation(at: LatLon, exact: LatLon): Observation {
  const d = distanceMeters(at, exact);
  return { at, band: d > SEARCH_M ? undefined : d < 1000 ? "under 1 km" : `about ${Math.round(d / 1000)} km` };
}

describe("a location nobody can work out", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it(
    "two requests in one grid square look the same to helpers everywhere, in every view, so the spot cannot be estimated within the square",
    { timeout: 120_000 },
    async () => {
      const { centre, a, b } = twoPlacesInOneSquare();
      expect(fuzzLocation(a.latitude, a.longitude, GRID_M)).toEqual(centre);
      expect(fuzzLocation(b.latitude, b.longitude, GRID_M)).toEqual(centre);
      const apart = distanceMeters(a, b);
      expect(apart).toBeGreaterThan(500);

      world = await openWorld({ env: { FANOUT_WAVE_SIZE: "50", LOCATION_FUZZ_METERS: String(GRID_M) }, limits: false });
      const db = world.bot.db.kysely;
      const now = world.bot.clock.now();
      // Sixteen helpers who stay put on a ring around the square, just inside and just outside
      // the search radius, half reading Korean: the edge of a circle around an exact spot would
      // pass between them.
      const ring: { persona: Persona; at: LatLon }[] = [];
      for (let i = 0; i < 16; i++) {
        const persona = world.fake.persona({ firstName: `Ring${i}`, languageCode: i % 2 ? "ko" : "en" });
        await persona.command("start");
        await persona.next();
        const at = computeDestinationPoint(centre, i % 2 ? 2800 : 3200, i * 22.5);
        await seedApprovedHelper(db, persona, at, 5, now);
        ring.push({ persona, at });
      }
      // The curious helper starts far away and walks around afterwards.
      const cu = world.fake.persona({ firstName: "Curious", languageCode: "en" });
      await cu.command("start");
      const greeting = await cu.waitFor("I am doum");
      await seedApprovedHelper(db, cu, computeDestinationPoint(centre, 50_000, 0), 5, now);

      const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
      const bo = world.fake.persona({ firstName: "Bo", languageCode: "en" });
      const postedA = await askForHelp(ann, { at: a });
      await world.settle();
      const postedB = await askForHelp(bo, { at: b });
      await world.settle();
      expect(postedA.text).toBe(postedB.text);
      const [idA, idB] = (await db.selectFrom("requests").select("id").orderBy("id").execute()).map((r) => r.id) as [number, number];

      // Fan-out: the same helpers were told of both, with the same pin and the same words.
      const observations = new Map<number, Observation[]>([
        [idA, []],
        [idB, []],
      ]);
      for (const { persona, at } of ring) {
        const seenA = noticesOf(persona, idA);
        const seenB = noticesOf(persona, idB);
        expect(seenA).toEqual(seenB);
        expect(seenA.length).toBe(distanceMeters(at, centre) <= SEARCH_M ? 1 : 0);
        for (const [id, seen] of [
          [idA, seenA],
          [idB, seenB],
        ] as const) {
          observations.get(id)!.push({ at, band: seen[0] && bandIn(seen[0].text) });
        }
        if (seenA[0]) expect(seenA[0].pin).toMatchObject({ ...centre, horizontal_accuracy: GRID_M });
      }

      // The curious helper moves their own pin 48 times and looks at everything there is to see.
      const positions: LatLon[] = [];
      for (const radius of [300, 900, 1600, 2400, 2900, 2960, 3040, 3300]) {
        for (let k = 0; k < 6; k++) positions.push(computeDestinationPoint(centre, radius, k * 60 + (radius % 7) * 5));
      }
      let offered = false;
      for (const at of positions) {
        await cu.sendLocation(at.latitude, at.longitude);
        await cu.waitFor("Your helper location is updated");
        // A move into range may bring catch-up notices through the outbox; let them land first so
        // the notice opened from the list is the one read below, right after its pin.
        await world.settle();
        await cu.command("nearby");
        const list = await cu.waitFor((m) => m.text.startsWith("Open requests near you") || m.text.startsWith("No open requests"));
        const shown = distanceMeters(at, centre) <= SEARCH_M;
        if (!shown) {
          expect(list.text).toBe("No open requests near you right now.");
          // A forged Accept is refused alike for both.
          for (const id of [idA, idB]) {
            const answer = await cu.waitForCallbackAnswer(cu.pressForged(greeting.message_id, `1:acc:${id}:10`));
            expect(answer.text).toContain("This request is too far from you");
            observations.get(id)!.push({ at, band: undefined });
          }
          continue;
        }
        // The list: both, in the order they were posted, on identical lines.
        const [title, first, second] = list.text.split("\n");
        expect(title).toBe("Open requests near you (1/1):");
        expect(first!.replace(/^1\. /, "")).toBe(second!.replace(/^2\. /, ""));
        const buttons = list.raw.reply_markup!.inline_keyboard.flat().map((k) => k.callback_data);
        expect(buttons).toEqual([`1:nbo:${idA}`, `1:nbo:${idB}`]);
        // The detail views: the same pin and the same notice.
        const opened: InboxMessage[] = [];
        for (const [n, id] of [
          [1, idA],
          [2, idB],
        ] as const) {
          await cu.pressIn(list.message_id, `Open #${n}`);
          opened.push(await cu.waitFor((m) => requestOf(m) === id));
        }
        const views = [idA, idB].map((id, i) => {
          const index = cu.inbox.indexOf(opened[i]!);
          return { text: opened[i]!.text, pin: cu.inbox[index - 1]!.location };
        });
        expect(views[0]).toEqual(views[1]);
        expect(views[0]!.pin).toMatchObject({ ...centre, horizontal_accuracy: GRID_M });
        // Offers: the same answer for both, and the requesters see the same card.
        const answers = [];
        for (const notice of opened) {
          answers.push((await cu.waitForCallbackAnswer(await cu.pressIn(notice.message_id, "10 min"))).text);
        }
        expect(answers[0]).toBe(answers[1]);
        expect(answers[0]).toBe(offered ? "You already offered for this request." : "Offer sent!");
        if (!offered) {
          const cards = [await ann.waitFor(/can help/), await bo.waitFor(/can help/)];
          expect(cards[0]!.text).toBe(cards[1]!.text);
          offered = true;
        }
        const band = bandIn(views[0]!.text);
        for (const id of [idA, idB]) observations.get(id)!.push({ at, band });
      }
      expect(offered).toBe(true);
      const offers = await db.selectFrom("offers").select(["request_id", "distance_m"]).orderBy("request_id").execute();
      expect(offers.map((o) => o.distance_m)).toEqual([offers[0]!.distance_m, offers[0]!.distance_m]);

      // Everything observed of the two requests is the same, so any guess is the same for both,
      // and for one of them it is off by half their distance or more: no better than the square.
      expect(observations.get(idA)).toEqual(observations.get(idB));
      expect(observations.get(idA)!.length).toBeGreaterThanOrEqual(48);
      const guessA = estimate(observations.get(idA)!, centre);
      const guessB = estimate(observations.get(idB)!, centre);
      expect(guessA).toEqual(guessB);
      expect(Math.max(distanceMeters(guessA, a), distanceMeters(guessB, b))).toBeGreaterThanOrEqual(apart / 2);
      // The same positions would have given the spot away had distances gone to it, as before.
      const leaky = estimate(
        observations.get(idA)!.map((o) => leakyObservation(o.at, a)),
        centre,
      );
      expect(distanceMeters(leaky, a)).toBeLessThan(apart / 4);
    },
  );
});
