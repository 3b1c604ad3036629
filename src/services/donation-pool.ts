import { accountBalance, lockSystemAccount, writeMovement } from "../../db/repositories/credit-entries.js";
import { boardAccount, giftBacking } from "../domain/credits.js";
import type { ServiceDeps } from "./deps.js";
import type { UnitOfWork } from "./unit-of-work.js";

/**
 * The donation pool is filled by the platform's share of fees and backs the help badges given to
 * boards with credits, so every donated badge can be traced to money.
 */

/**
 * Moves the credits behind a gift from the pool to the board's account, as far as the pool holds:
 * the pool is locked (after the board and the giver, the order gifts take), so it never goes
 * below zero; what could not be backed is written in the row's note and shows on the board's page.
 */
export async function backGift(deps: ServiceDeps, uow: UnitOfWork, gift: { boardId: number; donationId: number; badges: number }) {
  await lockSystemAccount(uow.trx, "donation-pool");
  const value = deps.config.fees.badgeCreditValue;
  const { wanted, backed } = giftBacking(gift.badges, value, await accountBalance(uow.trx, "donation-pool"));
  const backing = {
    reason: "badge-backing",
    subject: `gift:${gift.donationId}`,
    note: `${gift.badges} × ${value} = ${wanted}, backed ${backed}`,
  };
  await writeMovement(
    uow.trx,
    [
      { ...backing, account: "donation-pool", amount: -backed },
      { ...backing, account: boardAccount(gift.boardId), amount: backed },
    ],
    uow.now,
  );
}

/** What admins read on a board's page: the credits behind its badges and what the pool holds now. */
export async function boardBacking(deps: ServiceDeps, boardId: number): Promise<{ credits: number; pool: number }> {
  return { credits: await accountBalance(deps.db, boardAccount(boardId)), pool: await accountBalance(deps.db, "donation-pool") };
}
