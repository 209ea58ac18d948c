/**
 * The Prüfsiegel's Ed25519 keys (JWK, RFC 8037).
 *
 *   node scripts/siegel-schluessel.mjs neu        prints a new production key pair: the private JWK for
 *                                                 `wrangler secret put SIEGEL_PRIVATER_SCHLUESSEL`, and the
 *                                                 public JWK for cli/siegel-schluessel.json
 *
 * `npm start` calls `entwicklungsschluessel()`: a local development key in `.dev.vars` (ignored by git,
 * read by wrangler dev), made once per clone and marked „Entwicklungsschlüssel“ in every seal it signs.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = resolve(fileURLToPath(import.meta.url), "../..");
const DEV_VARS = resolve(REPO, ".dev.vars");
const NAME = "SIEGEL_PRIVATER_SCHLUESSEL";

/** A new Ed25519 key pair as private JWK (with kid) and its public half. */
export async function neuerSchluessel(kid, art) {
  const paar = await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"]);
  const { key_ops: _k, ext: _e, ...privat } = await crypto.subtle.exportKey("jwk", paar.privateKey);
  const jwk = { ...privat, kid, alg: "EdDSA", ...(art ? { lsz_art: art } : {}) };
  const { d: _d, ...oeffentlich } = jwk;
  return {
    privat: jwk,
    oeffentlich: { ...oeffentlich, use: "sig", gueltig_ab: new Date().toISOString().slice(0, 10) },
  };
}

/** Makes sure `.dev.vars` holds a development key; returns its kid. */
export async function entwicklungsschluessel() {
  const vorhanden = existsSync(DEV_VARS) ? readFileSync(DEV_VARS, "utf8") : "";
  const zeile = vorhanden.split("\n").find((z) => z.startsWith(`${NAME}=`));
  if (zeile) return JSON.parse(zeile.slice(NAME.length + 1)).kid;
  const kid = `entwicklung-${new Date().toISOString().slice(0, 10)}-${Math.random().toString(36).slice(2, 8)}`;
  const { privat } = await neuerSchluessel(kid, "Entwicklungsschlüssel");
  writeFileSync(
    DEV_VARS,
    `${vorhanden}${vorhanden && !vorhanden.endsWith("\n") ? "\n" : ""}${NAME}=${JSON.stringify(privat)}\n`,
  );
  console.log(`Entwicklungsschlüssel für Prüfsiegel angelegt (${kid}, in .dev.vars, nicht im Git).`);
  return kid;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] !== "neu") {
    console.error("Aufruf: node scripts/siegel-schluessel.mjs neu [kid]");
    process.exit(2);
  }
  const kid = process.argv[3] ?? `rechendienst-${new Date().toISOString().slice(0, 10)}`;
  const { privat, oeffentlich } = await neuerSchluessel(kid);
  console.log(`Privat (nur für: npx wrangler secret put ${NAME}):\n${JSON.stringify(privat)}\n`);
  console.log(
    `Öffentlich (in cli/siegel-schluessel.json unter "keys" eintragen):\n${JSON.stringify(oeffentlich)}`,
  );
}
