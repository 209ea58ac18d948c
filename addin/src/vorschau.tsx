/**
 * The browser preview, outside Office: the same pane against the example workbook held in memory by
 * the fake Excel the tests use, with the workbook shown beside it so the written cells can be seen.
 */
import { FluentProvider } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import kreiseCsv from "../../data/thueringen-kreise-2017.csv?raw";
import plan from "../../data/ilm-kreis-2019-massnahmen.json";
import type { IlmPlan } from "../../shared/beispiel/ilm";
import { App } from "./App";
import { rechendienst } from "./dienst";
import { beispielMappe } from "./fake/beispiel-mappe";
import { FakeArbeitsmappe } from "./fake/fake-excel";
import type { Rechendienst } from "../../shared/client";
import { createGateway } from "./gateway/gateway";
import { themaFuer } from "./thema";
import { Mappe } from "./vorschau-raster";

// Preview switches: ?offline (no worker: the pane computes itself), ?leer (a workbook without the
// layout's tables), ?rolle=kreis|ministerium (below), ?verzoegerung=ms (the worker answers late:
// shows the running state).
const parameter = new URLSearchParams(location.search);
const mappe = parameter.has("leer")
  ? new FakeArbeitsmappe()
  : beispielMappe({ plan: plan as IlmPlan, kreiseCsv });
if (parameter.has("leer")) mappe.setze("Tabelle1", 1, 1, "Haushalt 2019");
// ?rolle=kreis: a Kreis's own workbook (the example without the ministry's indicators);
// ?rolle=ministerium: the ministry's (the example without Maßnahmen and Finanzplan).
const OHNE: Record<string, string[]> = {
  kreis: ["tblIndikatoren"],
  ministerium: ["tblMassnahmen", "tblFinanzplan"],
};
const ohne = OHNE[parameter.get("rolle") ?? ""];
for (const t of mappe.tabellen.filter((x) => ohne?.includes(x.name)))
  for (let z = t.zeile + 1; z <= t.zeile + t.zeilen; z++)
    for (let s = t.spalte; s < t.spalte + t.spalten; s++) mappe.setze(t.blatt, z, s, null);
const verzoegerung = Number(parameter.get("verzoegerung") ?? 0);

function dienst(): Rechendienst | null {
  if (parameter.has("offline")) return null;
  const echt = rechendienst();
  if (!verzoegerung) return echt;
  const spaeter = <T,>(f: () => Promise<T>) =>
    new Promise<T>((ok) => setTimeout(() => ok(f()), verzoegerung));
  return {
    health: () => spaeter(echt.health),
    allocation: (a) => spaeter(() => echt.allocation(a)),
    validation: (a) => spaeter(() => echt.validation(a)),
    siegelSchluessel: echt.siegelSchluessel,
  };
}
(window as unknown as { lszVorschau: FakeArbeitsmappe }).lszVorschau = mappe;

/** Narrower than a laptop's pane and grid side by side: the pane on top, full width, the grid below. */
function useSchmal(): boolean {
  const abfrage = "(max-width: 700px)";
  const [schmal, setSchmal] = useState(() => matchMedia(abfrage).matches);
  useEffect(() => {
    const mq = matchMedia(abfrage);
    const folge = () => setSchmal(mq.matches);
    mq.addEventListener("change", folge);
    return () => mq.removeEventListener("change", folge);
  }, []);
  return schmal;
}

function Vorschau() {
  const schmal = useSchmal();
  return (
    <div style={schmal ? {} : { display: "flex", gap: 16, height: "100vh" }}>
      <div
        style={
          schmal
            ? { borderBottom: "1px solid #ddd" }
            : { width: 340, flex: "none", borderRight: "1px solid #ddd", overflow: "auto" }
        }
      >
        <App abh={abh} />
      </div>
      <Mappe m={mappe} />
    </div>
  );
}

const abh = { gateway: createGateway(mappe.api()), dienst: dienst() };

createRoot(document.getElementById("wurzel")!).render(
  <FluentProvider theme={themaFuer(parameter.has("dunkel") ? "#1f1f1f" : "#ffffff")}>
    <Vorschau />
  </FluentProvider>,
);
