// Public entry point of the fake Telegram Bot API used by end-to-end tests.
//
//   const fake = await startFakeTelegram();
//   const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
//   const alice = fake.persona({ firstName: 'Alice', languageCode: 'en' });
//   await alice.command('start');
//   await alice.waitFor('Welcome');
//   await fake.settle();
//   fake.assertNoViolations();
//
// Every call is checked against test/fixtures/bot-api.json and Telegram's
// rules; broken rules land in fake.violations, the world's refusals (blocked
// user, unknown chat) in fake.errors.
export { FakeTelegram, startFakeTelegram, type SettleOptions } from "./fake.js";
export type { MessageMatcher, Persona, PersonaOptions, PressOptions, WaitOptions } from "./persona.js";
export { DEFAULT_LIMITS } from "./rate-limit.js";
export type {
  BotCommand,
  CallbackAnswer,
  FakeTelegramOptions,
  InboxMessage,
  MessageEntity,
  MessageKind,
  RateLimits,
  RecordedCall,
  TgMessage,
  TgResponse,
  Update,
  Violation,
  WorldError,
} from "./types.js";
