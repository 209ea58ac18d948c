/**
 * Entry point of `npm run test:excel` inside Excel (a .tsx only for the Office and DOM types of the addin project; addin/e2e.html, sideloaded by a test manifest):
 * runs the end-to-end steps on the open workbook and sends the results to the script's result server
 * on https://localhost:4201, as Microsoft's template sends them to office-addin-test-server.
 */
import { endeZuEnde } from "./e2e-lauf";
import { createGateway } from "./gateway/gateway";
import { officeExcel } from "./gateway/office";

/** Where scripts/test-excel.mjs listens (the port of Microsoft's template's test server). */
const ERGEBNIS_URL = "https://localhost:4201/ergebnis";

void Office.onReady(async () => {
  const ergebnisse = await endeZuEnde(createGateway(officeExcel()));
  const stand = document.getElementById("stand");
  if (stand) stand.textContent = ergebnisse.map((e) => `${e.name}: ${e.wert}`).join(" · ");
  await fetch(ERGEBNIS_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ergebnisse),
  });
});
