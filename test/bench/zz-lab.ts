import { benchUpdates, type UpdateKind } from "./updates.js";
const only = (process.env.KINDS ?? "scene step").split(",") as UpdateKind[];
const r = await benchUpdates({ count: Number(process.env.N ?? 20000), warmup: 3000, only });
for (const [k, v] of Object.entries(r)) console.log(k, Math.round(v!.perSecond), Math.round(v!.cpuUsPerUpdate));
