// Invents files the way Telegram hands them out (file_id per kind, photo
// sizes, metadata) and remembers them so the bot can send them back by id.
import { badRequest, ApiError, type TgFileObject } from "./types.js";

export type FileKind = "photo" | "document" | "voice" | "video" | "sticker" | "audio" | "animation" | "video_note";

interface FileRecord {
  kind: FileKind;
  object: TgFileObject;
  /** For photos: every size of the same picture, smallest first. */
  sizes?: TgFileObject[];
  path: string;
}

// Real file ids start with a type-specific prefix; keeping them makes
// recorded traffic look familiar and mix-ups easy to spot.
const PREFIX: Record<FileKind, string> = {
  photo: "AgACAgIAAxkBAA",
  document: "BQACAgIAAxkBAA",
  voice: "AwACAgIAAxkBAA",
  video: "BAACAgIAAxkBAA",
  sticker: "CAACAgIAAxkBAA",
  audio: "CQACAgIAAxkBAA",
  animation: "CgACAgIAAxkBAA",
  video_note: "DQACAgIAAxkBAA",
};

const EXTENSION: Record<FileKind, string> = {
  photo: "jpg",
  document: "pdf",
  voice: "oga",
  video: "mp4",
  sticker: "webp",
  audio: "mp3",
  animation: "mp4",
  video_note: "mp4",
};

export interface FileExtras {
  fileName?: string;
  emoji?: string;
  mimeType?: string;
}

export class FileRegistry {
  private readonly byId = new Map<string, FileRecord>();
  private counter = 0;

  private ids(kind: FileKind): { file_id: string; file_unique_id: string; n: number } {
    const n = ++this.counter;
    const tag = Buffer.from(`doum-fake-${kind}-${n}`).toString("base64url");
    const unique = Buffer.from(`u${n}`).toString("base64url");
    return { file_id: `${PREFIX[kind]}${tag}`, file_unique_id: `AQAD${unique}`, n };
  }

  private register(kind: FileKind, object: TgFileObject, n: number, sizes?: TgFileObject[]): void {
    const path = `${kind === "photo" ? "photos" : `${kind}s`}/file_${n}.${EXTENSION[kind]}`;
    this.byId.set(object.file_id, sizes ? { kind, object, sizes, path } : { kind, object, path });
  }

  /** A new photo: three sizes, each with its own file id, all resolving to the same picture. */
  createPhoto(): TgFileObject[] {
    const dims: [number, number][] = [
      [90, 68],
      [320, 240],
      [1280, 960],
    ];
    const sizes: TgFileObject[] = [];
    const registered: [TgFileObject, number][] = [];
    for (const [width, height] of dims) {
      const { file_id, file_unique_id, n } = this.ids("photo");
      const size = { file_id, file_unique_id, file_size: Math.round(width * height * 0.12), width, height };
      sizes.push(size);
      registered.push([size, n]);
    }
    for (const [size, n] of registered) this.register("photo", size, n, sizes);
    return sizes.map((s) => ({ ...s }));
  }

  create(kind: Exclude<FileKind, "photo">, extras: FileExtras = {}): TgFileObject {
    const { file_id, file_unique_id, n } = this.ids(kind);
    const base = { file_id, file_unique_id };
    let object: TgFileObject;
    switch (kind) {
      case "document":
        object = {
          ...base,
          file_name: extras.fileName ?? `document_${n}.pdf`,
          mime_type: extras.mimeType ?? "application/pdf",
          file_size: 48213,
        };
        break;
      case "voice":
        object = { ...base, duration: 4, mime_type: "audio/ogg", file_size: 15872 };
        break;
      case "video":
        object = { ...base, width: 1280, height: 720, duration: 12, mime_type: "video/mp4", file_size: 2093412 };
        break;
      case "sticker":
        object = {
          ...base,
          type: "regular",
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
          emoji: extras.emoji ?? "👍",
          set_name: "DoumFakeStickers",
          file_size: 23011,
        };
        break;
      case "audio":
        object = { ...base, duration: 180, mime_type: "audio/mpeg", file_name: extras.fileName ?? `audio_${n}.mp3`, file_size: 2883584 };
        break;
      case "animation":
        object = {
          ...base,
          width: 320,
          height: 240,
          duration: 3,
          mime_type: "video/mp4",
          file_name: `animation_${n}.mp4`,
          file_size: 184320,
        };
        break;
      case "video_note":
        object = { ...base, length: 240, duration: 7, file_size: 402113 };
        break;
    }
    this.register(kind, object, n);
    return { ...object };
  }

  lookup(fileId: string): FileRecord | undefined {
    return this.byId.get(fileId);
  }

  /**
   * What Telegram would attach to a message when the bot sends `value` as a
   * `kind`: a known file id of a compatible kind, or an HTTP URL it fetches.
   */
  resolveForSend(kind: FileKind, value: unknown): TgFileObject | TgFileObject[] {
    if (typeof value !== "string") throw badRequest(`wrong type of the ${kind} parameter`, "schema");
    if (value.startsWith("attach://")) {
      throw new ApiError(400, "Bad Request: the fake Telegram does not support file uploads", "bot", "unsupported upload");
    }
    if (/^https?:\/\//.test(value)) {
      return kind === "photo" ? this.createPhoto() : this.create(kind);
    }
    const record = this.byId.get(value);
    if (!record) throw badRequest("wrong file identifier/HTTP URL specified", "invalid file_id");
    const compatible =
      record.kind === kind || (kind === "document" && record.kind === "animation") || (kind === "animation" && record.kind === "document");
    if (!compatible) {
      throw badRequest(`can't use file of type ${record.kind} as ${kind}`, "file type mismatch");
    }
    if (record.sizes) return record.sizes.map((s) => ({ ...s }));
    return { ...record.object };
  }

  getFile(fileId: string): { file_id: string; file_unique_id: string; file_size?: number; file_path: string } {
    const record = this.byId.get(fileId);
    if (!record) throw badRequest("invalid file_id", "invalid file_id");
    const { file_id, file_unique_id } = record.object;
    const size = record.object.file_size;
    return typeof size === "number"
      ? { file_id, file_unique_id, file_size: size, file_path: record.path }
      : { file_id, file_unique_id, file_path: record.path };
  }
}
