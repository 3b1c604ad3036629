import { expect, it } from "vitest";
import type { Db } from "../../db/create-db.js";
import { migrateToLatest } from "../../db/migrate.js";
import { createBoard, donate } from "../../src/services/boards.js";
import { answerHelperCame, cancelChat } from "../../src/services/chats/ending.js";
import { completeChat } from "../../src/services/chats/completion.js";
import { adjustCredits, creditsOf } from "../../src/services/ledger.js";
import { creditTopup } from "../../src/services/payments.js";
import { chooseOffer } from "../../src/services/requests/choosing.js";
import { cancelRequest, expireRequest } from "../../src/services/requests/closing.js";
import { acceptRequest } from "../../src/services/requests/offers.js";
import { postRequest } from "../../src/services/requests/posting.js";
import { inUnitOfWork } from "../../src/services/unit-of-work.js";
import { onBothDatabases } from "../support/databases.js";
import { accountBalances, ledgerProblems } from "../support/ledger.js";
import { seedHelperRow, seedUser } from "../support/seed.js";
import { serviceDeps } from "../support/services.js";

/**
 * A scripted day through the use cases, three stories at a time: grants and debits, top-ups,
 * postings with fees, and every ending a request or its chat can have (completion, the helper's
 * or the requester's cancel in and past the grace period, a no-show, expiry, a cancel before
 * anyone was chosen), then gifts to a board. Afterwards the ledger must agree with itself and
 * with the requests: all accounts sum to zero, none a user owns is below zero, and escrow holds
 * exactly the fees of the requests still open or matched, each requester's share of it as
 * `creditsOf` reports.
 */
const ADMIN = 900_501;
const PLACE = { latitude: 35, longitude: 129 };
const REQUESTERS = [61_001, 61_002, 61_003, 61_004, 61_005, 61_006];
const HELPERS = [62_001, 62_002, 62_003];
const FEES = [0, 5, 10, 15];
const ENDINGS = [
  "complete",
  "helper-cancel",
  "requester-cancel",
  "late-cancel",
  "no-show",
  "expire",
  "withdraw",
  "stay-open",
  "stay-matched",
];

function sequence(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

function daySuite(open: () => Promise<Db>) {
  it("after a scripted day the ledger sums to zero, nobody is below zero, and escrow holds exactly the open and matched fees", async () => {
    const { kysely } = await open();
    await migrateToLatest(kysely);
    const deps = serviceDeps(kysely, { ADMIN_IDS: String(ADMIN), MAX_OPEN_REQUESTS_PER_USER: "50", PENALTY_LIMIT: "1000" });
    const now = deps.clock.now();
    const pick = sequence(11);
    const any = <T>(list: readonly T[]): T => list[Math.floor(pick() * list.length)]!;
    await seedUser(kysely, { id: ADMIN, alias: "Admin", now });
    for (const id of REQUESTERS) await seedUser(kysely, { id, alias: `Requester ${id}`, now });
    for (const id of HELPERS) {
      await seedUser(kysely, { id, alias: `Helper ${id}`, now });
      await seedHelperRow(kysely, { userId: id, at: PLACE, radiusKm: 5, now });
    }
    for (const id of REQUESTERS) await adjustCredits(deps, { adminId: ADMIN, userId: id, amount: 25, reason: "start" });

    /** One request from posting to the given ending; refusals (short of credits, a lost race) end the story early. */
    async function story(requesterId: number, helperId: number, fee: number, ending: string, n: number) {
      const posted = await postRequest(deps, requesterId, {
        category: "repairs",
        description: `Job ${n}.`,
        place: PLACE,
        validityMinutes: 60,
        fee,
      });
      if (!posted.ok || ending === "stay-open") return;
      if (ending === "withdraw") return void (await cancelRequest(deps, requesterId, posted.requestId));
      if (ending === "expire") return inUnitOfWork(deps, (uow) => expireRequest(deps, uow, posted.requestId));
      const offer = await acceptRequest(deps, helperId, posted.requestId, 10);
      if (!offer.ok) return;
      const chosen = await chooseOffer(deps, requesterId, offer.offerId);
      if (!chosen.ok) return;
      const chat = await kysely.selectFrom("chats").select("id").where("request_id", "=", posted.requestId).executeTakeFirstOrThrow();
      const chatId = Number(chat.id);
      if (ending === "complete") {
        await Promise.all([completeChat(deps, helperId, chatId), completeChat(deps, requesterId, chatId)]);
        await completeChat(deps, requesterId, chatId);
      } else if (ending === "helper-cancel") await cancelChat(deps, helperId, chatId);
      else if (ending === "requester-cancel") await cancelChat(deps, requesterId, chatId);
      else if (ending === "late-cancel") {
        deps.clock.advance(11 * 60_000);
        await cancelChat(deps, requesterId, chatId);
      } else if (ending === "no-show") await answerHelperCame(deps, requesterId, chatId, false);
    }

    // Every ending once in turn, so the day is never vacuous; then three stories at a time.
    let n = 0;
    for (const [i, ending] of ENDINGS.entries())
      await story(REQUESTERS[i % REQUESTERS.length]!, HELPERS[i % HELPERS.length]!, 10, ending, ++n);
    for (let round = 0; round < 12; round++) {
      const stories = [0, 1, 2].map(() => story(any(REQUESTERS), any(HELPERS), any(FEES), any(ENDINGS), ++n));
      const extra = any(["grant", "debit", "topup"] as const);
      const user = any(REQUESTERS);
      if (extra === "grant")
        stories.push(adjustCredits(deps, { adminId: ADMIN, userId: user, amount: 10, reason: "bonus" }).then(() => {}));
      if (extra === "debit")
        stories.push(adjustCredits(deps, { adminId: ADMIN, userId: user, amount: -7, reason: "refund" }).then(() => {}));
      if (extra === "topup")
        stories.push(
          creditTopup(deps, {
            userId: user,
            chargeId: `charge-${round}`,
            providerChargeId: `provider-${round}`,
            payload: `topup:${user}:10`,
            currency: "KRW",
            totalAmount: 10_000,
          }).then(() => {}),
        );
      await Promise.all(stories);
    }
    // The helpers give what they earned to a board, two at once.
    const boardId = await createBoard(deps, ADMIN, {
      organisation: "Home",
      title: "Blankets",
      needed: "Blankets",
      goal: 1000,
      photoFileId: null,
    });
    await Promise.all(HELPERS.map((helper) => donate(deps, helper, boardId, 1)));

    expect(await ledgerProblems(kysely)).toEqual([]);
    const requests = await kysely.selectFrom("requests").select(["requester_id", "fee", "status"]).execute();
    const unsettled = requests.filter((r) => r.status === "open" || r.status === "matched");
    const balances = await accountBalances(kysely);
    expect(balances.get("escrow") ?? 0).toBe(unsettled.reduce((sum, r) => sum + r.fee, 0));
    for (const id of REQUESTERS) {
      const credits = await creditsOf(kysely, id);
      const fees = unsettled.filter((r) => Number(r.requester_id) === id).reduce((sum, r) => sum + r.fee, 0);
      expect({ id, reserved: credits.reserved, negative: credits.available < 0 }).toEqual({ id, reserved: fees, negative: false });
    }
    // Fees were paid, returned and split, and the pool backed a gift.
    const reasons = new Set((await kysely.selectFrom("ledger_entries").select("reason").execute()).map((r) => r.reason));
    for (const reason of ["fee-held", "fee-received", "fee-returned", "cancel-fee", "platform-share", "topup", "badge-backing"])
      expect(reasons).toContain(reason);
  });
}

onBothDatabases("the ledger after a scripted day", daySuite);
