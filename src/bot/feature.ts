import { Composer, type FilterQuery, matchFilter } from "grammy";
import type { BotContext } from "./context.js";

/** The updates a feature's commands and buttons arrive in. */
export const COMMANDS: FilterQuery = ":entities:bot_command";
export const BUTTONS: FilterQuery = "callback_query:data";

/**
 * A feature's handlers together with the kinds of update they react to (grammY filter queries,
 * at least every kind a handler of it is registered for): the bot passes any other update by
 * without running through them.
 */
export class Feature extends Composer<BotContext> {
  /** Whether an update is of a kind this feature reacts to. */
  readonly reacts: (ctx: BotContext) => boolean;

  constructor(reactsTo: FilterQuery[]) {
    super();
    // One predicate per query: grammY merges a list of queries of different depths into one tree
    // that loses the shallow ones (["message", ":entities:bot_command"] matched no plain text).
    const predicates = reactsTo.map((query) => matchFilter<BotContext, FilterQuery>(query));
    this.reacts = (ctx) => predicates.some((matches) => matches(ctx));
  }
}
