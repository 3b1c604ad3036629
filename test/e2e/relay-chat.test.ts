import { afterEach, describe, expect, it } from "vitest";
import { openWorld, type World } from "../support/e2e.js";
import type { Persona } from "../support/fake-telegram/index.js";
import type { Json, TgMessage } from "../support/fake-telegram/types.js";
import { pollUntil } from "../support/fake-telegram/waiting.js";
import { matchInChat, nearbyHelper, startedPersona } from "../support/chats.js";
import { postgresUrl, tempPostgresUrl } from "../support/databases.js";
import { expectNoIdentityLeak } from "../support/identity.js";

type Kind = [name: string, send: (p: Persona, tag: string) => Promise<TgMessage>, isCopy: (m: TgMessage, tag: string) => boolean];

/** Every kind of message the relay carries, each with a way to recognise its copy. */
const KINDS: Kind[] = [
  ["text", (p, tag) => p.send(`Plain words ${tag}`), (m, tag) => m.text === `Plain words ${tag}`],
  ["photo", (p, tag) => p.sendPhoto(`Photo ${tag}`), (m, tag) => m.photo !== undefined && m.caption === `Photo ${tag}`],
  ["video", (p, tag) => p.sendVideo(`Video ${tag}`), (m, tag) => m.video !== undefined && m.caption === `Video ${tag}`],
  ["animation", (p, tag) => p.sendAnimation(`Gif ${tag}`), (m, tag) => m.animation !== undefined && m.caption === `Gif ${tag}`],
  ["voice", (p) => p.sendVoice(), (m) => m.voice !== undefined],
  ["video note", (p) => p.sendVideoNote(), (m) => m.video_note !== undefined],
  ["audio", (p, tag) => p.sendAudio(`Song ${tag}`), (m, tag) => m.audio !== undefined && m.caption === `Song ${tag}`],
  [
    "document",
    (p, tag) => p.sendDocument("plan.pdf", `Doc ${tag}`),
    (m, tag) => m.document !== undefined && m.animation === undefined && m.caption === `Doc ${tag}`,
  ],
  ["sticker", (p) => p.sendSticker("😀"), (m) => m.sticker !== undefined],
  [
    "location",
    (p) => p.sendLocation(37.57, 126.98),
    (m) => m.location !== undefined && m.venue === undefined && m.location.latitude === 37.57,
  ],
  [
    "venue",
    (p, tag) => p.sendVenue(37.56, 126.97, `Cafe ${tag}`, "Jongno"),
    (m, tag) => (m.venue as Json | undefined)?.title === `Cafe ${tag}`,
  ],
  ["dice", (p) => p.sendDice("🎲", 5), (m) => (m.dice as Json | undefined)?.value === 5],
  ["poll", (p, tag) => p.sendPoll(`When ${tag}?`, ["Now", "Later"]), (m, tag) => (m.poll as Json | undefined)?.question === `When ${tag}?`],
];

describe("the relay chat between the matched pair", () => {
  let world: World;
  let dropDatabase: (() => Promise<void>) | undefined;
  afterEach(async () => {
    try {
      await world.close();
    } finally {
      await dropDatabase?.();
      dropDatabase = undefined;
    }
  });

  const story =
    "a whole chat: every kind both ways, an album, threads, edits, a reaction, a live location, details held until confirmed, no identity leak";

  it(story, async () => {
    world = await openWorld();
    await wholeChat(world);
  });

  it.skipIf(!postgresUrl)(`${story} (PostgreSQL)`, async () => {
    const database = await tempPostgresUrl(postgresUrl!);
    dropDatabase = database.drop;
    world = await openWorld({ databaseUrl: database.url });
    await wholeChat(world);
  });
});

/** The story, on whichever database the world runs. */
async function wholeChat(world: World): Promise<void> {
  const rita = await startedPersona(world, { firstName: "Ritanya", lastName: "Okafor", username: "ritanya_ok", languageCode: "en" });
  const sora = await nearbyHelper(
    world,
    await startedPersona(world, { firstName: "Soraya", lastName: "Lindqvist", username: "soraya_lq", languageCode: "en" }),
  );
  const { requesterBanner, helperBanner } = await matchInChat(rita, sora, {
    description: "Please help me hang a heavy mirror.",
    eta: "10 min",
    requesterBanner: "Your chat with",
    helperBanner: "Your chat with",
  });
  const [chat] = await world.bot.db.kysely.selectFrom("chats").selectAll().execute();
  const users = await world.bot.db.kysely.selectFrom("users").select(["id", "alias"]).execute();
  const aliasOf = (p: Persona) => users.find((u) => Number(u.id) === p.id)!.alias;
  // Point 2: the requester holds the meeting code, the helper is told to say it at the door.
  expect(requesterBanner.text).toContain(`Your chat with ${aliasOf(sora)} is open.`);
  expect(requesterBanner.text).toContain(`Meeting code: ${chat!.meeting_code}. ${aliasOf(sora)} will say it when they arrive`);
  expect(requesterBanner.text).toContain("About: Repairs — Please help me hang a heavy mirror.");
  expect(requesterBanner.text).toContain("send /chat");
  expect(helperBanner.text).toContain(`Your chat with ${aliasOf(rita)} is open.`);
  expect(helperBanner.text).toContain(`Meeting code: ${chat!.meeting_code}. Say it when you arrive, so ${aliasOf(rita)} knows`);
  // /chat brings the banner back.
  await rita.command("chat");
  expect((await rita.waitFor("Your chat with")).text).toBe(requesterBanner.text);

  // Every kind, both ways, each a protected copy from the bot (never a forward).
  for (const [from, to] of [
    [rita, sora],
    [sora, rita],
  ] as const) {
    for (const [name, send, isCopy] of KINDS) {
      const tag = `${name} by ${from === rita ? "R" : "S"}`;
      await send(from, tag);
      const copy = await to.waitFor((m) => isCopy(m.raw, tag));
      expect(copy.raw.has_protected_content, name).toBe(true);
      expect(copy.raw.forward_origin, name).toBeUndefined();
    }
  }

  // Replies stay threaded, both ways.
  const question = await rita.send("Is the mirror heavy?");
  const questionCopy = await sora.waitFor("Is the mirror heavy?");
  const answer = await sora.send("Quite heavy, I will bring a friend's drill", { replyTo: questionCopy.message_id });
  const answerCopy = await rita.waitFor("Quite heavy");
  expect(answerCopy.raw.reply_to_message?.message_id).toBe(question.message_id);
  await rita.send("Thanks!", { replyTo: answerCopy.message_id });
  const thanksCopy = await sora.waitFor("Thanks!");
  expect(thanksCopy.raw.reply_to_message?.message_id).toBe(answer.message_id);

  // An album arrives as an album.
  await sora.sendAlbum(["Wall A", undefined, "Wall C"]);
  // What comes right after an album does not overtake it.
  await sora.send("That was the wall");
  const album = [
    await rita.waitFor((m) => m.raw.caption === "Wall A"),
    await rita.next(),
    await rita.waitFor((m) => m.raw.caption === "Wall C"),
  ];
  await rita.waitFor("That was the wall");
  expect(album.every((m) => m.raw.photo !== undefined && m.raw.media_group_id !== undefined)).toBe(true);
  expect(new Set(album.map((m) => m.raw.media_group_id)).size).toBe(1);

  // Edits follow: a text and a caption.
  await rita.editText(question.message_id, "Is the mirror very heavy?");
  await sora.waitForEdit(questionCopy.message_id, "Is the mirror very heavy?");
  const photo = await sora.sendPhoto("The drill");
  const photoCopy = await rita.waitFor((m) => m.raw.caption === "The drill");
  await sora.editCaption(photo.message_id, "The drill, charged");
  await rita.waitForEdit(photoCopy.message_id, (m) => m.raw.caption === "The drill, charged");

  // A reaction on a copy appears on its original.
  await sora.react(questionCopy.message_id, ["👍"]);
  await pollUntil(
    () => (rita.reactions.some((r) => r.message_id === question.message_id && (r.reaction[0] as Json)?.emoji === "👍") ? true : undefined),
    5000,
    () => `Ritanya's message got no 👍: ${JSON.stringify(rita.reactions)}`,
  );

  // A live location keeps moving on the copy.
  const live = await rita.sendLocation(37.5663, 126.9779, { livePeriod: 900 });
  const liveCopy = await sora.waitFor((m) => m.raw.location?.live_period === 900);
  await rita.editLiveLocation(live.message_id, 37.567, 126.978);
  await sora.waitForEdit(liveCopy.message_id, (m) => m.raw.location?.latitude === 37.567);

  // A contact waits for its sender's yes; so does a phone number in words, and "Don't send" keeps it.
  await sora.sendContact(sora.phone, "Soraya");
  const held = await sora.waitFor(`This shares who you are (a contact card). Send it to ${aliasOf(rita)} anyway?`);
  await rita.send("My number is 010-2345-6789");
  const heldPhone = await rita.waitFor(`This shares who you are (a phone number). Send it to ${aliasOf(sora)} anyway?`);
  await world.settle();
  expect(rita.inbox.some((m) => m.raw.contact !== undefined)).toBe(false);
  expect(sora.inbox.some((m) => m.text.includes("010-2345-6789"))).toBe(false);
  await sora.pressIn(held.message_id, "Send anyway");
  await sora.waitForEdit(held.message_id, `✅ Sent to ${aliasOf(rita)}.`);
  const contactCopy = await rita.waitFor((m) => m.raw.contact?.phone_number === sora.phone);
  await rita.pressIn(heldPhone.message_id, "Don't send");
  await rita.waitForEdit(heldPhone.message_id, "Not sent.");
  // A forged "send" on the settled question changes nothing.
  const dropped = await world.bot.db.kysely
    .selectFrom("relay_messages")
    .select("id")
    .where("status", "=", "dropped")
    .executeTakeFirstOrThrow();
  const forged = rita.pressForged(heldPhone.message_id, `1:rhold:${dropped.id}:send`);
  expect((await rita.waitForCallbackAnswer(forged)).text).toBe("This button is no longer available.");
  await world.settle();
  expect(sora.inbox.some((m) => m.text.includes("010-2345-6789"))).toBe(false);

  // Nothing either side was shown names the other, except the contact Soraya chose to share.
  await world.settle();
  expectNoIdentityLeak(world, rita, sora, { sharedBy: { persona: sora, messageIds: [contactCopy.message_id] } });
  // The message map holds the chat's messages while it is open.
  const mapped = await world.bot.db.kysely.selectFrom("relay_messages").select(["status"]).where("chat_id", "=", chat!.id).execute();
  expect(mapped.filter((m) => m.status === "relayed").length).toBeGreaterThan(2 * KINDS.length);
}
