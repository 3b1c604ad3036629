export const HELPER_STATUSES = ["pending", "approved", "rejected", "suspended"] as const;
export type HelperStatus = (typeof HELPER_STATUSES)[number];

export interface HelperProof {
  kind: "photo" | "document";
  fileId: string;
}

/** A registered helper, as every feature reads one. */
export interface Helper {
  userId: number;
  status: HelperStatus;
  categories: string[];
  categoriesNote: string | null;
  profile: string;
  photoFileId: string | null;
  careerNote: string | null;
  latitude: number;
  longitude: number;
  positionUpdatedAt: number;
  /** While a live location is being shared, its end; edits after it are ignored. */
  liveUntil: number | null;
  radiusM: number;
  available: boolean;
  reachable: boolean;
  restricted: boolean;
  /** Minutes after midnight in the configured time zone; both null = no quiet hours. */
  quietStartMinute: number | null;
  quietEndMinute: number | null;
  /** Opted in to walk-home requests (off by default). */
  urgent: boolean;
  submittedAt: number;
  decisionReason: string | null;
}
