/**
 * `npm run transcripts`: the main stories played through the strict fake, written to
 * docs/transcripts/ as each person's chat would read on their phone, so that what the bot says
 * can be read as a whole (in English and Korean) after every change to it.
 *
 * One neighbourhood, one morning: two helpers register (en, ko) and two admins decide (one by
 * card, one from /pending, with a rejection and a second try); a Korean requester asks, is warned
 * about a phone number in her description, gets offers from a notice and from /nearby, chooses,
 * reads /requests, talks with the helper she chose through the bot, and both complete and review; Tom asks for two helpers
 * and talks with both in one group chat; an English requester posts where nobody is near, a helper moves close and
 * is told, nobody offers, the request expires and is posted again; the admins use their commands
 * and the console; a Korean walker is walked home by an English helper and ends it with her PIN.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { openWorld, type World } from "../support/e2e.js";
import type { Persona } from "../support/fake-telegram/index.js";
import { mulberry32 } from "../support/random.js";
import { approveByButton, northOf, registerHelper, SEOUL, type Place } from "../support/stories.js";

const MINA = 900_001;
const JISU = 900_002;
const OUT = new URL("../../docs/transcripts/", import.meta.url);
/** Far from everyone: Busan. */
const BUSAN: Place = { latitude: 35.1796, longitude: 129.0756 };
/** Sora's safety PIN: the bot deletes the message, so the transcript shows it as deleted. */
const WALK_PIN = "2580";

async function main(): Promise<void> {
  const world = await openWorld({ env: { ADMIN_IDS: `${MINA}:Mina,${JISU}:지수`, ADMIN_CONTACT: "@doum_desk" }, random: mulberry32(1) });
  const step = stepper(world);
  try {
    const mina = world.fake.persona({ id: MINA, firstName: "Mina", languageCode: "en" });
    const jisu = world.fake.persona({ id: JISU, firstName: "지수", languageCode: "ko" });
    for (const admin of [mina, jisu]) await step(() => admin.command("start"));

    // Registration and approval.
    const ann = world.fake.persona({ firstName: "Ann", username: "ann_lee", languageCode: "en" });
    await step(() => ann.command("start"));
    await step(() => ann.command("help"));
    await registerHelper(ann, {
      at: northOf(SEOUL, 0.5),
      refusedProfile: "I fix shelves and carry boxes. Call me at 010-1234-5678",
      profile: "I fix shelves and carry boxes.",
    });
    await approveByButton(mina, ann);
    await world.settle();

    const junho = world.fake.persona({ firstName: "준호", languageCode: "ko" });
    await step(() => junho.command("start"));
    await registerInKorean(world, junho, northOf(SEOUL, 1.2));
    await step(() => jisu.command("pending"));
    await step(() => jisu.press(/^✖️ /));
    await step(() => jisu.send("프로필 소개를 조금 더 자세히 적어 주세요."));
    await step(() => junho.command("helper"));
    await step(() => junho.press("✏️ 소개"));
    await step(() => junho.send("이사와 가구 조립을 10년 넘게 해 왔어요. 무거운 짐도 괜찮아요."));
    await step(() => junho.press("✅ 제출"));
    await step(() => jisu.command("approve", String(junho.id)));

    // A Korean request: the warning, offers from a notice and from /nearby, the choice, /requests.
    const minji = world.fake.persona({ firstName: "민지", username: "minji_k", languageCode: "ko" });
    await step(() => minji.command("start"));
    await step(() => minji.command("ask"));
    await step(() => minji.press("수리"));
    await step(() => minji.sendSticker());
    await step(() => minji.send("무거운 거울을 벽에 거는 것을 도와주세요. 010-9876-5432로 연락 주세요."));
    await step(() => minji.press("✏️ 다시 쓸게요"));
    await step(() => minji.send("무거운 거울을 벽에 거는 것을 도와주세요."));
    await step(() => minji.press("📍 내 위치 보내기", { location: SEOUL }));
    await step(() => minji.press("30분"));
    await step(() => minji.press("사례금 없음"));
    await step(() => minji.press("📣 올리기"));

    const notice = await ann.waitFor("Repairs");
    await step(() => ann.pressIn(notice.message_id, "10 min"));
    await step(() => junho.command("nearby"));
    await step(() => junho.press("#1 보기"));
    await step(() => junho.press("20분"));
    await step(() => minji.command("requests"));
    await step(() => minji.press(/선택$/));
    await step(() => minji.command("requests"));

    // The chat: words both ways, a threaded reply, a phone number held until decided, then both complete.
    await step(() => minji.send("안녕하세요! 302호예요. 도착하면 초인종 눌러 주세요."));
    const asked = junho.inbox.findLast((m) => m.text.includes("302호"))!;
    await step(() => junho.send("네, 20분 안에 갈게요. 거울 크기가 어느 정도예요?", { replyTo: asked.message_id }));
    await step(() => minji.send("가로 1m 정도예요. 급하면 010-2222-3333으로 전화 주세요."));
    await step(() => minji.press("보내지 않기"));
    await step(() => junho.press("✅ 완료"));
    await step(() => minji.press("✅ 완료"));
    await step(() => minji.press("5 ⭐"));
    await step(() => minji.press("🟢 초록"));
    await step(() => minji.send("친절하고 빨랐어요. 고마워요!"));
    await step(() => junho.press("5 ⭐"));
    await step(() => junho.press(/없음$/));
    await step(() => junho.press("건너뛰기"));
    await step(() => junho.command("badges"));

    // Two helpers for one job: Tom asks for two, chooses Ann and 준호, and the three talk in one
    // group chat where every copy is headed by its sender's alias; each helper completes on their own banner.
    const tom = world.fake.persona({ firstName: "Tom", languageCode: "en" });
    await step(() => tom.command("start"));
    await step(() => tom.command("ask"));
    await step(() => tom.press("Repairs"));
    await step(() => tom.send("Lift an upright piano onto a dolly: it needs two people."));
    await step(() => tom.press("📍 Send my location", { location: SEOUL }));
    await step(() => tom.press("30 min"));
    await step(() => tom.press("No fee"));
    await step(() => tom.press("✏️ Helpers"));
    await step(() => tom.press("2"));
    await step(() => tom.press("📣 Post"));
    const pianoFor = (helper: Persona) => helper.inbox.findLast((m) => m.text.includes("upright piano"))!;
    await step(() => ann.pressIn(pianoFor(ann).message_id, "10 min"));
    await step(() => junho.pressIn(pianoFor(junho).message_id, "20분"));
    for (const offer of tom.inbox.filter((m) => m.text.startsWith("🙋"))) {
      await step(() => tom.pressIn(offer.message_id, /^✅ Choose/));
    }
    await step(() => tom.send("Thanks both! Blue door, ground floor. The piano is in the hall."));
    await step(() => ann.send("Great, I'll bring straps."));
    await step(() => junho.send("20분 뒤에 도착해요."));
    const groupBanner = (persona: Persona, words: string) => persona.inbox.findLast((m) => m.text.includes(words))!;
    await step(() => ann.pressIn(groupBanner(ann, "Your chat with").message_id, "✅ Complete"));
    await step(() => junho.pressIn(groupBanner(junho, "대화가 열렸어요").message_id, /완료/));
    for (const banner of tom.inbox.filter((m) => m.text.includes("Your chat with") && m.text.includes("is open"))) {
      await step(() => tom.pressIn(banner.message_id, "✅ Complete"));
    }

    // An English request where nobody is near: kept looking, a helper moves close, it expires.
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    await step(() => rita.command("start"));
    await step(() => rita.command("ask"));
    await step(() => rita.press("Moving / carrying"));
    await step(() => rita.send("Two boxes of books to the third floor, no lift."));
    await step(() => rita.press("📍 Send my location", { location: BUSAN }));
    await step(() => rita.press("15 min"));
    await step(() => rita.press("No fee"));
    await step(() => rita.press("📣 Post"));
    await step(() => junho.sendLocation(BUSAN.latitude + 0.004, BUSAN.longitude));
    world.bot.clock.advance(16 * 60_000);
    await step(() => world.bot.app.runDueDeadlines());
    await step(() => rita.command("requests"));
    await step(() => rita.press(/^🔁/));
    await step(() => rita.press("30 min"));
    await step(() => rita.press("📣 Post"));
    const again = junho.inbox.findLast((m) => m.text.includes("Two boxes of books"))!;
    await step(() => junho.pressIn(again.message_id, "20분"));
    await step(() => rita.command("requests"));

    // Admin commands: a missing reason, a restriction and its lifting, credits.
    await step(() => mina.command("restrict", String(rita.id)));
    await step(() => mina.command("restrict", `${rita.id} Posted the same request ten times`));
    await step(() => rita.command("ask"));
    await step(() => mina.command("unrestrict", String(rita.id)));
    await step(() => mina.command("credit", `${rita.id} +20 Welcome credits`));

    // The admin console: the menu, a list, a user's card with an adjustment.
    await step(() => mina.command("admin"));
    await step(() => mina.press("📋 Open requests"));
    await step(() => mina.press("↩️ Back"));
    await step(() => jisu.command("admin", String(rita.id)));

    // Walk me home: a Korean walker sets her PIN, Ann switches walk-home requests on and walks
    // with her; the helper's Complete only says she arrived, the walker's PIN ends it.
    const sora = world.fake.persona({ firstName: "소라", languageCode: "ko" });
    await step(() => sora.command("start"));
    await step(() => sora.command("safety"));
    await step(() => sora.press("🔢 안전 PIN 정하기"));
    await step(() => sora.send(WALK_PIN));
    await step(() => ann.command("profile"));
    await step(() => ann.press("🚶 Receive walk-home requests"));
    await step(() => sora.press("🚶 집까지 같이 걷기"));
    const walkStart = northOf(SEOUL, 0.2);
    const live = await sora.sendLocation(walkStart.latitude, walkStart.longitude, { livePeriod: 3600 });
    await world.settle();
    await step(() => sora.send("합정역 근처 집"));
    await step(() => sora.press("30분"));
    const walkNotice = ann.inbox.findLast((m) => m.text.includes("🚶"))!;
    await step(() => ann.pressIn(walkNotice.message_id, "10 min"));
    await step(() => sora.press(/선택$/));
    const moved = northOf(SEOUL, 0.5);
    await step(() => sora.editLiveLocation(live.message_id, moved.latitude, moved.longitude));
    await step(() => ann.send("I'm at the station exit, see you there."));
    await step(() => ann.press("✅ Complete"));
    await step(() => sora.press("🏠 안전해요"));
    await step(() => sora.send(WALK_PIN));

    write(world, "helper-en", ann, "Ann");
    write(world, "helper-ko", junho, "준호");
    write(world, "requester-ko", minji, "민지");
    write(world, "requester-en", rita, "Rita");
    write(world, "admin-en", mina, "Mina");
    write(world, "admin-ko", jisu, "지수");
    write(world, "walker-ko", sora, "소라");
    write(world, "group-en", tom, "Tom");
  } catch (error) {
    if (process.env.TRANSCRIPT_DEBUG) console.error(world.fake.transcript(Number(process.env.TRANSCRIPT_DEBUG), "?").slice(-2500));
    throw error;
  } finally {
    await world.close();
  }
}

/** The Korean registration scene, with a live location shared at step 6. */
async function registerInKorean(world: World, persona: Persona, at: Place): Promise<void> {
  const step = stepper(world);
  await step(() => persona.command("helper"));
  await step(() => persona.press(/그대로 쓰기/));
  await step(() => persona.press("이사 / 짐 나르기"));
  await step(() => persona.press("수리"));
  await step(() => persona.press("✔️ 완료"));
  await step(() => persona.press("건너뛰기"));
  await step(() => persona.send("짐 나르기를 도와드려요."));
  await step(() => persona.press("건너뛰기"));
  await step(() => persona.press("✔️ 완료"));
  await step(() => persona.press("건너뛰기"));
  await step(() => persona.sendLocation(at.latitude, at.longitude, { livePeriod: 3600 }));
  await step(() => persona.press("3 km"));
  await step(() => persona.press("✅ 제출"));
}

/** One thing a person does, a few seconds after the last (people take time to read and tap), and all that follows from it. */
function stepper(world: World): (action: () => Promise<unknown>) => Promise<void> {
  return async (action) => {
    world.bot.clock.advance(8_000);
    await action();
    await world.settle();
  };
}

function write(world: World, name: string, persona: Persona, shownAs: string): void {
  mkdirSync(OUT, { recursive: true });
  const title = `# ${shownAs}'s chat with doum\n\nGenerated by \`npm run transcripts\`; do not edit by hand.\n\n`;
  writeFileSync(new URL(`${name}.md`, OUT), title + world.fake.transcript(persona.id, shownAs));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
