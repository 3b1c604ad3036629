import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { clearPrompt, findPins, findPrompt, saveDuressPin, savePin, setPrompt } from "../../../db/repositories/safety-pins.js";
import type { SafetyPromptPurpose } from "../../../db/schema.js";
import { isPinShaped } from "../../domain/walks.js";
import type { ServiceDeps } from "../deps.js";

const KEY_BYTES = 32;

function hashWith(pin: string, salt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, KEY_BYTES, (error, key) => (error ? reject(error) : resolve(key.toString("hex"))));
  });
}

/** A PIN as stored: its scrypt hash under a salt of its own; the digits themselves are never kept. */
async function hashPin(pin: string): Promise<{ hash: string; salt: string }> {
  const salt = randomBytes(16).toString("hex");
  return { hash: await hashWith(pin, salt), salt };
}

async function matches(pin: string, stored: { hash: string | null; salt: string | null }): Promise<boolean> {
  if (stored.hash === null || stored.salt === null) return false;
  const given = Buffer.from(await hashWith(pin, stored.salt), "hex");
  const expected = Buffer.from(stored.hash, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export type PinCheck = "right" | "duress" | "wrong";

/** Which PIN the user typed, if any of theirs. */
export async function checkPin(deps: ServiceDeps, userId: number, pin: string): Promise<PinCheck> {
  const stored = await findPins(deps.db, userId);
  if (!stored || !isPinShaped(pin)) return "wrong";
  if (await matches(pin, { hash: stored.pinHash, salt: stored.pinSalt })) return "right";
  if (await matches(pin, { hash: stored.duressHash, salt: stored.duressSalt })) return "duress";
  return "wrong";
}

export async function pinState(deps: ServiceDeps, userId: number): Promise<{ hasPin: boolean; hasDuress: boolean }> {
  const stored = await findPins(deps.db, userId);
  return { hasPin: stored !== undefined, hasDuress: stored?.duressHash != null };
}

/** The bot waits for this user to type a PIN next (to set one, or to confirm a walk). */
export function askForPin(deps: ServiceDeps, userId: number, purpose: SafetyPromptPurpose, subjectId = 0): Promise<void> {
  return setPrompt(deps.db, userId, { purpose, subjectId }, deps.clock.now());
}

export function pendingPrompt(deps: ServiceDeps, userId: number) {
  return findPrompt(deps.db, userId);
}

export function dropPrompt(deps: ServiceDeps, userId: number): Promise<void> {
  return clearPrompt(deps.db, userId);
}

export type SetPinResult = "saved" | "not-a-pin" | "same-as-pin" | "no-pin";

/** A new safety PIN (a duress PIN chosen against the old one goes with it). */
export async function setSafetyPin(deps: ServiceDeps, userId: number, pin: string): Promise<SetPinResult> {
  if (!isPinShaped(pin)) return "not-a-pin";
  const hashed = await hashPin(pin);
  // Saved and no longer asked for in one go: a crash between would read the next message as a PIN.
  await deps.db.transaction().execute(async (trx) => {
    await savePin(trx, userId, hashed, deps.clock.now());
    await clearPrompt(trx, userId);
  });
  return "saved";
}

/** The duress PIN: closes a walk like the safety PIN, and quietly alerts the admins. It must differ. */
export async function setDuressPin(deps: ServiceDeps, userId: number, pin: string): Promise<SetPinResult> {
  if (!isPinShaped(pin)) return "not-a-pin";
  const stored = await findPins(deps.db, userId);
  if (!stored) return "no-pin";
  if (await matches(pin, { hash: stored.pinHash, salt: stored.pinSalt })) return "same-as-pin";
  const hashed = await hashPin(pin);
  await deps.db.transaction().execute(async (trx) => {
    await saveDuressPin(trx, userId, hashed, deps.clock.now());
    await clearPrompt(trx, userId);
  });
  return "saved";
}

export async function removeDuressPin(deps: ServiceDeps, userId: number): Promise<void> {
  await saveDuressPin(deps.db, userId, null, deps.clock.now());
}
