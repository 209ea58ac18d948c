/**
 * A calculation service in-process for the pane's tests: it checks with the shared core and signs the
 * seal with a test key (made per run, never stored), as the worker does with its secret key.
 */
import type { Rechendienst } from "../../shared/client";
import { pruefe } from "../../shared/pruefung/pruefe";
import { erstelleSiegel } from "../../shared/siegel";
import type { Jwks } from "../../shared/siegel-schema";
import { ladeSignierer } from "../../shared/signatur";
import { verteile } from "../../shared/allocation/verteilung";

export async function signierenderDienst(kid = "test-rechendienst"): Promise<Rechendienst> {
  const paar = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ])) as import("node:crypto").webcrypto.CryptoKeyPair;
  const privat = { ...(await crypto.subtle.exportKey("jwk", paar.privateKey)), kid };
  const signierer = await ladeSignierer(JSON.stringify(privat));
  const { d: _d, key_ops: _k, ext: _e, ...oeffentlich } = privat;
  const jwks = { keys: [oeffentlich] } as Jwks;
  return {
    health: async () => ({ art: "ok", daten: { status: "ok", version: "test", regelwerke: ["LSZ-2019"] } }),
    allocation: async (a) => ({ art: "ok", daten: verteile(a) }),
    validation: async (a) => {
      const ergebnis = pruefe(a);
      const siegel = await erstelleSiegel(a, ergebnis, new Date().toISOString(), { signierer });
      return { art: "ok", daten: { ...ergebnis, siegel } };
    },
    siegelSchluessel: async () => ({ art: "ok", daten: jwks }),
  };
}
