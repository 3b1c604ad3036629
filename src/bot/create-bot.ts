import { Bot, type Transformer } from "grammy";
import { scenes } from "../../scenes/index.js";
import { depsForUpdate } from "../services/unit-of-work.js";
import { treatBenignErrorsAsDone } from "../telegram/benign-errors.js";
import { retryingFetch } from "../telegram/retrying-fetch.js";
import { budgetedFetch, type SendBudget } from "../telegram/budgeted-fetch.js";
import type { BotContext, BotDeps, SceneContext } from "./context.js";
import { cancelFeature } from "./features/cancel.js";
import { chatMemberFeature } from "./features/chat-member.js";
import { chatsFeature } from "./features/chats.js";
import { relayFeature } from "./features/relay.js";
import { safetyFeature } from "./features/safety.js";
import { walkHomeFeature } from "./features/walk-home.js";
import { vouchersFeature } from "./features/vouchers.js";
import { adminVouchersFeature } from "./features/admin-vouchers.js";
import { chatClosingFeature, reviewCommentFeature } from "./features/chat-closing.js";
import { badgesFeature } from "./features/badges.js";
import { paymentsFeature } from "./features/payments.js";
import { boardsFeature } from "./features/boards.js";
import { draftsFeature } from "./features/drafts.js";
import { adminFeature } from "./features/admin.js";
import { adminConsoleFeature } from "./features/admin-console.js";
import { helpFeature } from "./features/help.js";
import { interruptSceneFeature } from "./features/interrupt-scene.js";
import { helperFeature } from "./features/helper.js";
import { languageFeature } from "./features/language.js";
import { nearbyFeature } from "./features/nearby.js";
import { requestActionsFeature } from "./features/request-actions.js";
import { requestsFeature } from "./features/requests.js";
import { startFeature } from "./features/start.js";
import { unhandledFeature } from "./features/unhandled.js";
import type { I18n } from "./i18n.js";
import { loadUser } from "./middlewares/user.js";
import { sceneMachinery } from "./scene-machinery.js";
import { BUTTONS, Feature, type Reactions } from "./feature.js";
import { installErrorBoundary, named } from "./error-boundary.js";

/**
 * `transport.budget`: the running app's share of Telegram's limits with its outbox; tools that
 * measure the bot leave it out, and may answer the Bot API in-process with `transport.answer`
 * (a transformer that every API object gets, the scenes' included).
 */
export function createBot(
  token: string,
  deps: BotDeps,
  i18n: I18n<BotContext>,
  sceneI18n: I18n<SceneContext>,
  transport: { budget?: SendBudget; answer?: Transformer } = {},
) {
  const { budget, answer } = transport;
  const fetch = retryingFetch(undefined, budget ? budgetedFetch(budget) : undefined);
  const bot = new Bot<BotContext>(token, { client: { apiRoot: deps.config.botApiRoot, fetch } });
  const apiPolicy = answer ? [treatBenignErrorsAsDone, answer] : [treatBenignErrorsAsDone];
  bot.api.config.use(...apiPolicy);

  bot.use((ctx, next) => {
    ctx.deps = depsForUpdate(deps, ctx.update);
    // Remember whether the callback query was answered so the error boundary never answers twice.
    if (ctx.callbackQuery)
      ctx.api.config.use((prev, method, payload, signal) => {
        if (method === "answerCallbackQuery") ctx.callbackAnswered = true;
        return prev(method, payload, signal);
      });
    return next();
  });
  bot.use(loadUser);
  bot.use(i18n);
  // Scenes are entered only from these commands and from buttons (every `conversation.enter` is
  // behind one); any other update needs them only while a scene is in progress.
  const sceneEntrances: Reactions = { commands: ["ask", "helper", "quiet", "language", "newboard", "walkhome"], on: [BUTTONS] };
  bot.use(sceneMachinery(deps, sceneEntrances));
  const scenesFeature = new Feature({ ...sceneEntrances, when: (ctx) => Object.keys(ctx.conversation.active()).length > 0 });
  scenesFeature.use(scenes(deps, sceneI18n, apiPolicy));

  // In the order an update meets them. /help and /cancel work inside a scene; other commands leave
  // it first. Features that enter scenes must come after the scenes: a scene can only be entered
  // once it is registered. A comment the bot just asked for is answered before the relay; otherwise,
  // what someone with an open chat sends goes to the other side. Whatever no feature took is
  // answered last.
  bot.use(
    named({
      helpFeature,
      paymentsFeature,
      safetyFeature,
      cancelFeature,
      chatMemberFeature,
      requestActionsFeature,
      chatClosingFeature,
      nearbyFeature,
      chatsFeature,
      interruptSceneFeature,
      scenesFeature,
      reviewCommentFeature,
      relayFeature,
      vouchersFeature,
      walkHomeFeature,
      startFeature,
      languageFeature,
      requestsFeature,
      helperFeature,
      adminFeature,
      adminConsoleFeature,
      adminVouchersFeature,
      draftsFeature,
      badgesFeature,
      boardsFeature,
      unhandledFeature,
    }),
  );

  installErrorBoundary(bot, deps);

  return bot;
}
