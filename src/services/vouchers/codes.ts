import { createHash, randomBytes } from "node:crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

/**
 * A claim code: 120 random bits as 24 base32 letters (fits a /start payload and a button's data).
 * Only its hash is stored. A plain SHA-256 is enough for a code this random — nobody can try 2^120
 * guesses — and, unlike a salted slow hash, it can be looked up when a link is opened.
 */
export function mintClaimCode(): { code: string; hash: string } {
  const bytes = randomBytes(15);
  let bits = 0;
  let value = 0;
  let code = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      code += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return { code, hash: hashClaimCode(code) };
}

export function hashClaimCode(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}
