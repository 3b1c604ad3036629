import { Redis } from "ioredis";
import type { HelperSet } from "./fixture.js";

/** The alternative we compare against: Redis's own geo index over the same searchable helpers. */
export interface RedisGeo {
  load(set: HelperSet): Promise<void>;
  /** Nearest `count` member ids within `radiusM`, as GEOSEARCH … ASC COUNT returns them. */
  search(latitude: number, longitude: number, radiusM: number, count: number): Promise<string[]>;
  usedMemoryBytes(): Promise<number>;
  close(): Promise<void>;
}

/** Resolves to undefined when no Redis answers, so the benchmark can skip this path. */
export async function connectRedisGeo(url: string): Promise<RedisGeo | undefined> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null, connectTimeout: 2000 });
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch {
    redis.disconnect();
    return undefined;
  }
  // Per process, so two runs at once cannot trample each other's data.
  const key = `doum:bench:helpers:${process.pid}`;
  return {
    async load(set) {
      await redis.del(key);
      // 1,000 members per GEOADD, 50 commands per pipeline round trip.
      for (let from = 0; from < set.count; from += 50_000) {
        const pipeline = redis.pipeline();
        for (let chunk = from; chunk < Math.min(set.count, from + 50_000); chunk += 1000) {
          const args: Array<string | number> = [];
          for (let i = chunk; i < Math.min(set.count, chunk + 1000); i++) {
            if (set.searchable[i] === 1) args.push(set.longitudes[i]!, set.latitudes[i]!, String(set.userIds[i]));
          }
          if (args.length > 0) pipeline.geoadd(key, ...args);
        }
        const results = await pipeline.exec();
        const failed = results?.find(([error]) => error);
        if (failed) throw failed[0];
      }
    },
    search(latitude, longitude, radiusM, count) {
      return redis.geosearch(key, "FROMLONLAT", longitude, latitude, "BYRADIUS", radiusM / 1000, "km", "ASC", "COUNT", count) as Promise<
        string[]
      >;
    },
    async usedMemoryBytes() {
      const info = await redis.info("memory");
      return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN);
    },
    async close() {
      await redis.del(key);
      await redis.quit();
    },
  };
}
