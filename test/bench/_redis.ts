import { generateHelpers } from "./fixture.js";
import { connectRedisGeo } from "./redis-geo.js";
import { mulberry32, populationSampler } from "./korea.js";
const set = generateHelpers(1_000_000, 20_240_601);
const r = (await connectRedisGeo("redis://127.0.0.1:6379"))!;
let t = performance.now();
await r.load(set);
console.log("load s", (performance.now() - t) / 1000, "mem", await r.usedMemoryBytes() / 2 ** 20);
const s = populationSampler(mulberry32(5));
const pts = Array.from({ length: 3000 }, () => s());
for (let round = 0; round < 2; round++) {
  const ms: number[] = []; let n = 0;
  for (const [lat, lon] of pts) { const t0 = performance.now(); n += (await r.search(lat, lon, 3000, 50)).length; ms.push(performance.now() - t0); }
  ms.sort((a, b) => a - b);
  console.log("p50", ms[1500], "p99", ms[2970], "found", n / 3000);
}
await r.close();
