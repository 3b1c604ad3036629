/**
 * The nearby search in a process of its own, run compiled by compiled-search.ts: `count` searches
 * at the benchmark's points (drawn from `seed`) over an SQLite file, then the process's RSS printed
 * as JSON. Arguments: the file, the seed, the count, the radius in metres, the helpers wanted.
 */
import { createDb } from "../../db/create-db.js";
import { findNearbyHelpers } from "../../db/repositories/helper-search.js";
import { mulberry32 } from "../support/random.js";
import { populationSampler } from "./korea.js";

const [file, seed, count, radiusM, limit] = process.argv.slice(2);
const db = createDb(`sqlite:${file}`);
try {
  const sample = populationSampler(mulberry32(Number(seed)));
  for (let i = 0; i < Number(count); i++) {
    const [latitude, longitude] = sample();
    await findNearbyHelpers(db.kysely, { latitude, longitude, radiusM: Number(radiusM), limit: Number(limit) });
  }
  process.stdout.write(JSON.stringify({ rssMb: process.memoryUsage().rss / 2 ** 20 }));
} finally {
  await db.destroy();
}
