import { createConversation } from "@grammyjs/conversations";
import type { I18n } from "../src/bot/i18n.js";
import { Composer, type NextFunction, type Transformer } from "grammy";
import type { BotContext, BotDeps, SceneContext } from "../src/bot/context.js";
import { chooseLanguageScene } from "./choose-language.js";
import { quietHoursScene } from "./quiet-hours.js";
import { helperProfileScene } from "./register-helper.js";
import { rejectReasonScene } from "./reject-reason.js";
import { postRequestScene } from "./post-request.js";
import { boardScene } from "./board.js";
import { findUserScene } from "./find-user.js";
import { adjustUserScene } from "./adjust-user.js";
import { walkHomeScene } from "./walk-home.js";
import { voucherKindScene } from "./voucher-kind.js";
import { issueVoucherScene } from "./issue-voucher.js";
import { SCENES } from "./ids.js";
import { resilient } from "./resilient.js";

/**
 * Registers every scene. Plugins of the outer tree do not reach inside a scene, so i18n is
 * installed again for each one.
 */
export function scenes(deps: BotDeps, i18n: I18n<SceneContext>, apiPolicy: Transformer[]): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  // Inside a scene ctx.api is a fresh object without bot.api's transformers (retries are in its
  // client's fetch, so they come along): the bot's API policy is added again.
  const withApiPolicy = async (ctx: SceneContext, next: NextFunction): Promise<void> => {
    ctx.api.config.use(...apiPolicy);
    await next();
  };
  const plugins = [i18n.middleware(), withApiPolicy];
  composer.use(createConversation(resilient(deps.logger, chooseLanguageScene(deps, i18n)), { id: SCENES.language, plugins }));
  composer.use(createConversation(resilient(deps.logger, helperProfileScene(deps)), { id: SCENES.helper, plugins }));
  composer.use(createConversation(resilient(deps.logger, quietHoursScene()), { id: SCENES.quiet, plugins }));
  composer.use(createConversation(resilient(deps.logger, rejectReasonScene()), { id: SCENES.rejectReason, plugins }));
  composer.use(createConversation(resilient(deps.logger, postRequestScene(deps)), { id: SCENES.ask, plugins }));
  composer.use(createConversation(resilient(deps.logger, boardScene()), { id: SCENES.board, plugins }));
  composer.use(createConversation(resilient(deps.logger, findUserScene(deps)), { id: SCENES.findUser, plugins }));
  composer.use(createConversation(resilient(deps.logger, adjustUserScene(deps)), { id: SCENES.adjustUser, plugins }));
  composer.use(createConversation(resilient(deps.logger, walkHomeScene(deps)), { id: SCENES.walk, plugins }));
  composer.use(createConversation(resilient(deps.logger, voucherKindScene()), { id: SCENES.voucherKind, plugins }));
  composer.use(createConversation(resilient(deps.logger, issueVoucherScene(deps)), { id: SCENES.issueVoucher, plugins }));
  return composer;
}
