/**
 * Scene ids. They are stored with scenes in progress: never rename one. Kept apart from the
 * scenes themselves so that features can enter a scene without importing it.
 */
export const SCENES = {
  language: "language",
  helper: "helper",
  quiet: "quiet",
  rejectReason: "rejectReason",
  ask: "ask",
  board: "board",
  findUser: "findUser",
  adjustUser: "adjustUser",
  walk: "walk",
  voucherKind: "voucherKind",
  issueVoucher: "issueVoucher",
} as const;

export type SceneId = (typeof SCENES)[keyof typeof SCENES];
export const SCENE_IDS: readonly SceneId[] = Object.values(SCENES);
