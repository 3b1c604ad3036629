import { Composer, type FilterQuery, matchFilter } from "grammy";
import type { MessageEntity } from "grammy/types";
import type { BotContext } from "./context.js";

/** The updates a feature's buttons arrive in. */
export const BUTTONS: FilterQuery = "callback_query:data";

/**
 * What a feature reacts to: its commands by name, links that open the bot with a `/start` payload
 * of theirs (`t.me/<bot>?start=<payload>`), other kinds of update as grammY filter queries, and
 * whatever else `when` says it does.
 */
export interface Reactions {
  commands?: readonly string[];
  deepLinks?: readonly RegExp[];
  on?: readonly FilterQuery[];
  when?: (ctx: BotContext) => boolean;
}

const COMMAND = Symbol("command");
type WithCommand = { [COMMAND]?: string | null };

/**
 * The command an update's message starts with (`/start@doum_bot x` → "start"), as grammY's
 * `command()` reads it; null for anything else. Read once per update, however many features ask.
 */
function commandOf(ctx: BotContext): string | null {
  const cached = (ctx as WithCommand)[COMMAND];
  if (cached !== undefined) return cached;
  const entity = leadingCommand(ctx);
  const text = ctx.update.message?.text;
  let name: string | null = null;
  if (entity && text) {
    const at = text.indexOf("@");
    name = text.substring(1, at > 0 && at < entity.length ? at : entity.length);
  }
  (ctx as WithCommand)[COMMAND] = name;
  return name;
}

/** The bot_command entity a message starts with, if any. */
function leadingCommand(ctx: BotContext): MessageEntity | undefined {
  const entities = ctx.update.message?.entities;
  if (entities) for (const entity of entities) if (entity.type === "bot_command" && entity.offset === 0) return entity;
  return undefined;
}

/**
 * What grammY's filter for BUTTONS says, asked directly: most features have buttons, and every
 * update passes their question, which grammY's general matcher answered in a microsecond in all.
 */
const pressedButton = (ctx: BotContext): boolean => ctx.update.callback_query?.data !== undefined;

/** What follows the command in the update's message, trimmed, as a handler reads `ctx.match`. */
function commandPayload(ctx: BotContext): string {
  const entity = leadingCommand(ctx);
  const text = ctx.update.message?.text;
  return entity && text ? text.substring(entity.length).trim() : "";
}

/** Whether an update is one of `reactions`. */
export function reactionsOf({ commands = [], deepLinks = [], on = [], when }: Reactions): (ctx: BotContext) => boolean {
  const names = new Set(commands);
  // One predicate per query: grammY merges a list of queries of different depths into one tree
  // that loses the shallow ones (["message", ":entities:bot_command"] matched no plain text).
  const predicates: Array<(ctx: BotContext) => boolean> = on.map((query) =>
    query === BUTTONS ? pressedButton : matchFilter<BotContext, FilterQuery>(query),
  );
  if (deepLinks.length > 0)
    predicates.push((ctx) => commandOf(ctx) === "start" && deepLinks.some((link) => link.test(commandPayload(ctx))));
  if (when) predicates.push(when);
  return (ctx) => {
    const command = names.size > 0 ? commandOf(ctx) : null;
    if (command !== null && names.has(command)) return true;
    for (const matches of predicates) if (matches(ctx)) return true;
    return false;
  };
}

/**
 * A feature's handlers together with what they react to: at least every command a handler of it is
 * registered for and every other kind of update it handles (narrowed, where a handler would pass
 * most of them on, to those it acts on: a `/start` with its payload, a message in the situation
 * the handler looks for). The bot passes any other update by without running through the
 * feature's handlers (each only passes it on, and together they were most of a plain message's
 * time).
 */
export class Feature extends Composer<BotContext> {
  /** Whether an update is one this feature reacts to. */
  readonly reacts: (ctx: BotContext) => boolean;

  constructor(reactions: Reactions) {
    super();
    this.reacts = reactionsOf(reactions);
  }
}
