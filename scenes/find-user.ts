import type { BotDeps, Scene, SceneContext } from "../src/bot/context.js";
import { lookUpUser } from "../src/services/user-lookup.js";
import { escapeHtml } from "../src/telegram/html.js";
import { userLookupCard } from "../src/ui/user-lookup-card.js";
import { beginStep } from "./resilient.js";
import { textAnswer, waitForAnswer } from "./steps.js";

/** Longer than any alias or id: anything longer is a mistake, answered as such. */
const QUERY_MAX = 64;

/**
 * "Find a user" in the console: asks for an alias or id and answers with the user's card. A query
 * that finds nobody is answered and asked again; /cancel (or any console button) leaves.
 */
export function findUserScene(deps: BotDeps) {
  return async function findUser(conversation: Scene, ctx: SceneContext): Promise<void> {
    beginStep(conversation);
    await ctx.reply(ctx.t("admin-find-prompt"), { parse_mode: "HTML" });
    for (;;) {
      const { value: query, ctx: answered } = await waitForAnswer(conversation, (c) => textAnswer(c, QUERY_MAX, "admin-find-hint"));
      const found = await conversation.external((outside) => lookUpUser(outside.deps, query));
      if (found) {
        const card = userLookupCard(answered.t, found, deps.config.timeZone);
        return void (await answered.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard }));
      }
      await answered.reply(`${answered.t("admin-lookup-none", { query: escapeHtml(query) })}\n${answered.t("admin-find-again")}`, {
        parse_mode: "HTML",
      });
    }
  };
}
