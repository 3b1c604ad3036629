/**
 * The layers (docs/architecture.md): bot/ and scenes/ → services/ → ui/ → telegram/ + domain/,
 * services/ → db/ → domain/. `npm run layers` checks them and CI fails when one is broken.
 */
const ours = "^(src|db|scenes)/";
const kernel = "^src/(config|clock|logger)\\.ts$";
const grammy = "^node_modules/(grammy|@grammyjs)/";

module.exports = {
  forbidden: [
    { name: "no-cycles", severity: "error", from: {}, to: { circular: true } },
    {
      name: "telegram-imports-nothing-of-ours",
      comment: "Small helpers everyone needs (callback data, HTML, retries); they must not pull the app in.",
      severity: "error",
      from: { path: "^src/telegram/" },
      to: { path: ours, pathNot: "^src/telegram/" },
    },
    {
      name: "domain-is-pure",
      comment: "Rules without Telegram, SQL or I/O.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { path: [ours, grammy, "^node_modules/kysely/"], pathNot: "^src/domain/" },
    },
    {
      name: "db-sees-only-the-domain",
      severity: "error",
      from: { path: "^db/" },
      to: { path: [ours, grammy], pathNot: ["^db/", "^src/domain/"] },
    },
    {
      name: "ui-renders-without-state",
      comment: "Cards and buttons are drawn from product types; they never read the database or call services.",
      severity: "error",
      from: { path: "^src/ui/" },
      to: { path: ours, pathNot: ["^src/ui/", "^src/telegram/", "^src/domain/"] },
    },
    {
      name: "services-below-the-bot",
      comment: "Use cases know nothing of grammY, handlers or scenes; they render through ui/.",
      severity: "error",
      from: { path: "^src/services/" },
      to: { path: ["^src/(bot|outbox|jobs)/", "^src/(app|main)\\.ts$", "^scenes/", grammy] },
    },
    {
      name: "outbox-inbox-and-jobs-are-infrastructure",
      severity: "error",
      from: { path: "^src/(outbox|jobs|inbox)/" },
      to: { path: ["^src/(bot|services|ui)/", "^src/(app|main)\\.ts$", "^scenes/"] },
    },
    {
      name: "handlers-go-through-services",
      comment: "A handler or a scene never builds SQL or reads a table itself.",
      severity: "error",
      from: { path: "^(src/bot|scenes)/" },
      to: { path: "^db/" },
    },
    {
      name: "kernel-stands-alone",
      severity: "error",
      from: { path: kernel },
      to: { path: ours, pathNot: kernel },
    },
    {
      name: "only-main-starts-the-app",
      severity: "error",
      from: { path: ours, pathNot: "^src/main\\.ts$" },
      to: { path: "^src/(app|main)\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
