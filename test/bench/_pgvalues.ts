import pg from "pg";
const c = new pg.Client({ connectionString: "postgres://postgres@127.0.0.1:5432/test" });
await c.connect();
const r = await c.query("with t(cell) as (values (cast($1 as bigint)), ($2), ($3)) select cell, pg_typeof(cell) from t", [1, 2, 3]);
console.log(r.rows);
const r2 = await c.query("select $1 * cast(3 as double precision) <= cast(2 + 1 as double precision) * cast(2 + 1 as double precision) as ok", [2.5]);
console.log(r2.rows);
await c.end();
