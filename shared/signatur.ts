/**
 * Ed25519 through the platform's Web Crypto (`crypto.subtle` in browsers, workerd and Node ≥ 20), with
 * keys as JWK (RFC 8037). Typed here by the little the seal needs, so the core stays free of DOM,
 * Workers and Node types. No crypto dependency.
 */
import type { OeffentlicherSchluessel } from "./siegel-schema";

type Schluessel = object;
interface Subtle {
  digest(algorithmus: string, daten: Uint8Array): Promise<ArrayBuffer>;
  importKey(
    format: "jwk",
    jwk: object,
    algorithmus: { name: "Ed25519" },
    exportierbar: boolean,
    zwecke: string[],
  ): Promise<Schluessel>;
  sign(algorithmus: "Ed25519", schluessel: Schluessel, daten: Uint8Array): Promise<ArrayBuffer>;
  verify(
    algorithmus: "Ed25519",
    schluessel: Schluessel,
    signatur: Uint8Array,
    daten: Uint8Array,
  ): Promise<boolean>;
}

function subtle(): Subtle {
  const krypto = (globalThis as unknown as { crypto?: { subtle?: Subtle } }).crypto;
  if (!krypto?.subtle) throw new Error("Web Crypto (crypto.subtle) ist in dieser Umgebung nicht verfügbar.");
  return krypto.subtle;
}

/** UTF-8 through TextEncoder, which browsers, workerd and Node all have. */
export function utf8(s: string): Uint8Array {
  const Kodierer = (globalThis as unknown as { TextEncoder: new () => { encode(s: string): Uint8Array } })
    .TextEncoder;
  return new Kodierer().encode(s);
}

export async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await subtle().digest("SHA-256", utf8(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

export function base64url(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const zeichen = [18, 12, 6, 0].map((v) => B64[(n >> v) & 63]!);
    s += zeichen.slice(0, Math.min(4, bytes.length - i + 1)).join("");
  }
  return s;
}

export function ausBase64url(s: string): Uint8Array {
  const bytes: number[] = [];
  let puffer = 0;
  let bits = 0;
  for (const c of s) {
    const v = B64.indexOf(c);
    if (v < 0) throw new Error("kein base64url");
    puffer = (puffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((puffer >> bits) & 0xff);
    }
  }
  return new Uint8Array(bytes);
}

/** A private key ready to sign, with what the seal says about it. */
export interface Signierer {
  kid: string;
  entwicklung: boolean;
  signiere(daten: Uint8Array): Promise<string>;
}

/** The art a development key carries in its JWK (`lsz_art`), shown in every seal it signs. */
export const ENTWICKLUNGSSCHLUESSEL = "Entwicklungsschlüssel";

/** A private Ed25519 JWK (with `kid`, and `lsz_art` for a development key) → a signer. */
export async function ladeSignierer(jwkText: string): Promise<Signierer> {
  const jwk = JSON.parse(jwkText) as { kid?: unknown; d?: unknown; x?: unknown; lsz_art?: unknown };
  const { kid, lsz_art: art, x, d } = jwk;
  if (typeof kid !== "string" || typeof d !== "string" || typeof x !== "string")
    throw new Error("Der Siegelschlüssel ist kein privater Ed25519-Schlüssel mit „kid“ (JWK).");
  // Only the key material: runtimes differ in which „alg“, „key_ops“ and „ext“ they accept.
  const schluessel = await subtle().importKey(
    "jwk",
    { kty: "OKP", crv: "Ed25519", x, d },
    { name: "Ed25519" },
    false,
    ["sign"],
  );
  return {
    kid,
    entwicklung: art === ENTWICKLUNGSSCHLUESSEL,
    signiere: async (daten) => base64url(new Uint8Array(await subtle().sign("Ed25519", schluessel, daten))),
  };
}

/** The public half of a private JWK, as the key set lists it. */
export function oeffentlicherTeil(jwkText: string): OeffentlicherSchluessel {
  const j = JSON.parse(jwkText) as OeffentlicherSchluessel & { d?: string; key_ops?: unknown; ext?: unknown };
  const { d: _d, key_ops: _k, ext: _e, alg: _a, ...oeffentlich } = j;
  return { ...oeffentlich, alg: "EdDSA", use: "sig" };
}

/** True when `signatur` (base64url) is the key's Ed25519 signature over `daten`. */
export async function signaturStimmt(
  schluessel: OeffentlicherSchluessel,
  daten: Uint8Array,
  signatur: string,
): Promise<boolean> {
  try {
    const k = await subtle().importKey(
      "jwk",
      { kty: "OKP", crv: "Ed25519", x: schluessel.x },
      { name: "Ed25519" },
      false,
      ["verify"],
    );
    return await subtle().verify("Ed25519", k, ausBase64url(signatur), daten);
  } catch {
    return false;
  }
}
