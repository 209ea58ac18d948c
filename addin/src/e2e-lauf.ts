/**
 * The end-to-end run of `npm run test:excel` (scripts/test-excel.mjs) inside Excel: on the example
 * workbook it checks, allocates and checks again as a user would click, and reads the seal back. Each
 * step is a named result with the value expected, as Microsoft's add-in template reports to its test
 * server (Office-Addin-TaskPane-React, test/end-to-end: `addTestResult(name, value, expectedValue)`).
 * The same run on the fake Excel is test/addin/e2e-lauf.test.ts.
 */
import { finanzplanPruefen, foerderhoechstbetraegeBerechnen, siegelStand, type Ergebnis } from "./ablauf";
import type { WorkbookGateway } from "./gateway/gateway";

export interface E2eErgebnis {
  name: string;
  wert: string;
  erwartet: string;
}

const kurz = (e: Ergebnis) =>
  e.art === "ok"
    ? `ok: ${e.anzahl.fehler} Fehler, ${e.anzahl.warnung} Warnungen, ${e.anzahl.hinweis} Hinweise`
    : `${e.grund}: ${e.meldungen.join(" ")}`;

export async function endeZuEnde(gateway: WorkbookGateway): Promise<E2eErgebnis[]> {
  const aus: E2eErgebnis[] = [];
  const schritt = (name: string, wert: string, erwartet: string) => aus.push({ name, wert, erwartet });
  try {
    const erste = await finanzplanPruefen({ gateway, dienst: null });
    schritt("Finanzplan prüfen", erste.art, "ok");
    const verteilung = await foerderhoechstbetraegeBerechnen({ gateway, dienst: null });
    schritt("Förderhöchstbeträge berechnen", verteilung.art, "ok");
    const zweite = await finanzplanPruefen({ gateway, dienst: null });
    schritt("erneut prüfen: dieselben Befunde", kurz(zweite), kurz(erste));
    schritt("Prüfsiegel gelesen", (await siegelStand(gateway)).art, "nicht_signiert");
  } catch (e) {
    schritt("ohne Ausnahme", e instanceof Error ? `${e.name}: ${e.message}` : String(e), "ohne Ausnahme");
  }
  return aus;
}
