/**
 * What the updates bench drives, bundled by compiled-bot.ts as `npm start`'s bundle is: the bot's
 * middleware and the pieces it is set up with, all from one copy of the code (the SQLite fast
 * path, for one, knows only the connections its own copy opened).
 */
export { benchDeps, middlewareBot } from "./middleware-bot.js";
export { createDb } from "../../db/create-db.js";
export { parseConfig } from "../../src/config.js";
export { situationOnContact } from "../../src/services/users.js";
