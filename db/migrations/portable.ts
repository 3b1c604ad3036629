import { type CreateTableBuilder, type Kysely, SqliteAdapter } from "kysely";

// Shared by frozen migrations: change only by adding, never by altering what exists.

/** An auto-numbered primary key: SQLite's rowid alias, PostgreSQL's identity column. */
export function withAutoId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, "id"> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  return sqlite
    ? table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    : table.addColumn("id", "bigint", (c) => c.primaryKey().generatedByDefaultAsIdentity());
}
