import type { Transformer } from "grammy";

/**
 * Answers Telegram gives when a call already took effect: the edit was applied before (a retry
 * after a dropped connection, a double tap), the query was answered before (an update run again
 * after a crash). Failing on them would throw away a scene or tell the user something broke.
 */
const BENIGN: readonly [RegExp, RegExp][] = [
  [/^editMessage/, /message is not modified/i],
  [/^answerCallbackQuery$/, /query is too old|query ID is invalid/i],
];

export const treatBenignErrorsAsDone: Transformer = async (prev, method, payload, signal) => {
  const response = await prev(method, payload, signal);
  if (response.ok) return response;
  const benign = BENIGN.some(([m, description]) => m.test(method) && description.test(response.description));
  return benign ? { ok: true, result: true as never } : response;
};
