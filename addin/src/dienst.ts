/** The calculation worker the pane talks to (VITE_RECHENDIENST at build time; local worker by default). */
import { rechendienstClient } from "../../shared/client";

export function rechendienst() {
  const basis = (import.meta.env["VITE_RECHENDIENST"] as string | undefined) ?? "http://127.0.0.1:8787";
  return rechendienstClient({
    basis,
    fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(15_000) }),
  });
}
