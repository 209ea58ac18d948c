/**
 * The service's seal key: loaded once per isolate from the secret, and the key set it publishes
 * (the current public key and the retired ones from SIEGEL_ALTE_SCHLUESSEL).
 */
import { jwksSchema, type Jwks } from "../shared/siegel-schema";
import { ladeSignierer, oeffentlicherTeil, type Signierer } from "../shared/signatur";
import type { AppEnv } from "./env";

let geladen: { text: string; signierer: Promise<Signierer> } | null = null;

/** The signer of the configured key, or null when none is configured (seals are then unsigned). */
export function signierer(env: AppEnv["Bindings"]): Promise<Signierer> | null {
  const text = env.SIEGEL_PRIVATER_SCHLUESSEL;
  if (!text) return null;
  if (geladen?.text !== text) geladen = { text, signierer: ladeSignierer(text) };
  return geladen.signierer;
}

/** The published key set: current key first, then the retired ones. */
export function schluesselSatz(env: AppEnv["Bindings"]): Jwks {
  const alte = env.SIEGEL_ALTE_SCHLUESSEL
    ? jwksSchema.parse(JSON.parse(env.SIEGEL_ALTE_SCHLUESSEL)).keys
    : [];
  const aktuell = env.SIEGEL_PRIVATER_SCHLUESSEL ? [oeffentlicherTeil(env.SIEGEL_PRIVATER_SCHLUESSEL)] : [];
  return { keys: [...aktuell, ...alte.filter((k) => !aktuell.some((a) => a.kid === k.kid))] };
}
