import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryId, QueryResult, RootOperationNode, UnknownRow } from "kysely";

/**
 * Splits the search's time by statement: Kysely calls transformQuery just before compiling and
 * transformResult just after the driver returns, so the gap is compile + prepare + execute.
 * The box search is the statement with a WITH clause; the reachability lookup has none.
 */
export class StatementTimer implements KyselyPlugin {
  readonly totals = { box: { count: 0, ms: 0 }, reachability: { count: 0, ms: 0 } };
  readonly #started = new WeakMap<QueryId, { at: number; kind: "box" | "reachability" }>();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const kind = args.node.kind === "SelectQueryNode" && args.node.with ? "box" : "reachability";
    this.#started.set(args.queryId, { at: performance.now(), kind });
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const started = this.#started.get(args.queryId);
    if (started) {
      this.totals[started.kind].count++;
      this.totals[started.kind].ms += performance.now() - started.at;
    }
    return args.result;
  }

  reset(): void {
    for (const total of Object.values(this.totals)) {
      total.count = 0;
      total.ms = 0;
    }
  }
}
