import { activeRequests, openChats } from "../../db/repositories/admin-lists.js";
import { reportsPage } from "../../db/repositories/reports.js";
import { aliasOf } from "../../db/repositories/users.js";
import { CONSOLE_PAGE_SIZE, type ListedChat, type ListedReport, type ListedRequest, type Page } from "../domain/admin-console.js";
import type { ServiceDeps } from "./deps.js";

/** The reads behind the console's lists; a page past the end shows the last one. */

async function paged<T>(page: number, read: (offset: number, limit: number) => Promise<{ rows: T[]; total: number }>): Promise<Page<T>> {
  const first = await read(page * CONSOLE_PAGE_SIZE, CONSOLE_PAGE_SIZE);
  const last = Math.max(0, Math.ceil(first.total / CONSOLE_PAGE_SIZE) - 1);
  if (page <= last) return { rows: first.rows, page, total: first.total };
  // The list shrank since the page was drawn (requests matched, chats ended): show its end instead.
  const again = await read(last * CONSOLE_PAGE_SIZE, CONSOLE_PAGE_SIZE);
  return { rows: again.rows, page: last, total: again.total };
}

export function activeRequestsPage(deps: ServiceDeps, page: number): Promise<Page<ListedRequest>> {
  return paged(page, (offset, limit) => activeRequests(deps.db, offset, limit));
}

export function openChatsPage(deps: ServiceDeps, page: number): Promise<Page<ListedChat>> {
  return paged(page, (offset, limit) => openChats(deps.db, offset, limit));
}

export function reportsListPage(deps: ServiceDeps, page: number): Promise<Page<ListedReport>> {
  return paged(page, async (offset, limit) => {
    const { reports, total } = await reportsPage(deps.db, offset, limit);
    const rows = [];
    for (const report of reports)
      rows.push({
        report,
        reporterAlias: await aliasOf(deps.db, report.reporterId),
        reportedAlias: await aliasOf(deps.db, report.reportedId),
        handledBy: report.handledBy === null ? null : { id: report.handledBy, name: deps.config.adminNames.get(report.handledBy) },
      });
    return { rows, total };
  });
}
