import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Accepts `Authorization: Bearer <token>` when the token's SHA-256 equals an allowed one.
 * Digests have a fixed length, so the comparison is constant-time whatever the token's length.
 */
export function bearerVerifier(allowedTokens: readonly string[]): (authorization: string | null) => boolean {
  const allowed = allowedTokens.filter(Boolean).map(digest);
  return (authorization) => {
    const match = authorization?.match(/^Bearer\s+(\S+)$/i);
    if (!match) return false;
    const presented = digest(match[1]!);
    let ok = false;
    for (const candidate of allowed) ok = timingSafeEqual(candidate, presented) || ok;
    return ok;
  };
}

const holder = globalThis as unknown as { __runtimeProcessToken?: string };

/**
 * This process's own runtime token, made at boot and never sent to a browser. With no runtime
 * secret configured it is the only token the runtime accepts, so an exposed console never
 * exposes graph execution.
 */
export function processToken(): string {
  holder.__runtimeProcessToken ??= randomBytes(32).toString("base64url");
  return holder.__runtimeProcessToken;
}
