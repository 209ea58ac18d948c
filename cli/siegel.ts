/**
 * Where lsz gets the seal's public keys and, with `--dienst`, its checks: the production keys shipped
 * in cli/siegel-schluessel.json (replaceable with `--schluessel datei.json`), plus the service's own
 * key set when `--dienst URL` is given.
 */
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rechendienstClient, type Rechendienst } from "../shared/client";
import { jwksSchema, type Jwks } from "../shared/siegel-schema";
import { Aufruffehler } from "./optionen";
import { DateiFehler } from "./xlsx-lesen";

export const MITGELIEFERTE_SCHLUESSEL = join(
  dirname(fileURLToPath(import.meta.url)),
  "siegel-schluessel.json",
);

/** Why a key file could not be read, in German. */
function warumNicht(e: unknown): string {
  if (e instanceof SyntaxError) return "ist kein gültiges JSON";
  const code = (e as { code?: string }).code;
  if (code === "ENOENT") return "gibt es nicht";
  if (code === "EISDIR") return "ist ein Ordner, keine Datei";
  if (code === "EACCES" || code === "EPERM") return "darf lsz nicht lesen";
  return "ist nicht lesbar";
}

/**
 * The key set in a JWKS file; when it cannot be read or is not one, an Aufruffehler (exit code 2)
 * naming the file and what it must hold, before any workbook is checked.
 */
export async function ladeSchluessel(datei = MITGELIEFERTE_SCHLUESSEL): Promise<Jwks> {
  let roh: unknown;
  try {
    roh = JSON.parse(await readFile(datei, "utf8"));
  } catch (e) {
    throw new Aufruffehler(
      `--schluessel: Schlüsseldatei „${datei}“ ${warumNicht(e)}. Bitte eine JWKS-Datei angeben, z. B. die Antwort von GET /api/v1/siegel/schluessel.`,
    );
  }
  const s = jwksSchema.safeParse(roh);
  if (!s.success)
    throw new Aufruffehler(
      `--schluessel: Schlüsseldatei „${datei}“ ist kein Schlüsselsatz (JWKS mit „keys“: Ed25519-Schlüssel mit kty, crv, kid, x).`,
    );
  return s.data;
}

export interface Dienst {
  basis: string;
  client: Rechendienst;
}

/**
 * The client for the service at `basis`, built where it is used: the cage's child gets only the URL
 * (see cli/pruefen.ts) and makes its own.
 */
export function dienstAn(basis: string): Dienst {
  const client = rechendienstClient({
    basis,
    fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(60_000) }),
  });
  return { basis, client };
}

/** Connects to the service at `basis`: its key set, or a German message why not. */
export async function verbindeDienst(basis: string): Promise<{ dienst: Dienst; schluessel: Jwks }> {
  const dienst = dienstAn(basis);
  const a = await dienst.client.siegelSchluessel();
  if (a.art !== "ok")
    throw new DateiFehler(
      `Rechendienst ${basis} nicht erreichbar (${a.art === "problem" ? a.problem.detail : a.grund}). Adresse prüfen oder ohne --dienst lokal prüfen (Siegel dann nicht signiert).`,
    );
  return { dienst, schluessel: a.daten };
}

/** Both key sets, without listing a key twice. */
export function vereinige(a: Jwks, b: Jwks): Jwks {
  return { keys: [...a.keys, ...b.keys.filter((k) => !a.keys.some((x) => x.kid === k.kid))] };
}
