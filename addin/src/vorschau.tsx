/**
 * The browser preview, outside Office: the same pane against the example workbook held in memory by
 * the fake Excel the tests use, with the workbook shown beside it so the written cells can be seen.
 */
import { FluentProvider, Tab, TabList } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import kreiseCsv from "../../data/thueringen-kreise-2017.csv?raw";
import plan from "../../data/ilm-kreis-2019-massnahmen.json";
import type { IlmPlan } from "../../shared/beispiel/ilm";
import { spaltenBuchstabe } from "../../shared/arbeitsmappe";
import { App } from "./App";
import { rechendienst } from "./dienst";
import { beispielMappe } from "./fake/beispiel-mappe";
import { FakeArbeitsmappe } from "./fake/fake-excel";
import type { Rechendienst } from "../../shared/client";
import { createGateway } from "./gateway/gateway";
import { themaFuer } from "./thema";
import { VorschauDiagramm } from "./vorschau-diagramm";

// Preview switches: ?offline (no worker: the pane computes itself), ?leer (a workbook without the
// layout's tables), ?verzoegerung=ms (the worker answers late: shows the running state).
const parameter = new URLSearchParams(location.search);
const mappe = parameter.has("leer")
  ? new FakeArbeitsmappe()
  : beispielMappe({ plan: plan as IlmPlan, kreiseCsv });
if (parameter.has("leer")) mappe.setze("Tabelle1", 1, 1, "Haushalt 2019");
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

function Mappe({ m }: { m: FakeArbeitsmappe }) {
  const [, neu] = useState(0);
  const [blatt, setBlatt] = useState("Maßnahmen");
  useEffect(() => {
    m.beiAenderung = () => {
      neu((x) => x + 1);
      if (m.aktivesBlatt) setBlatt(m.aktivesBlatt);
    };
  }, [m]);
  const zellen = m.blaetter.get(blatt) ?? new Map();
  let zeilen = 1;
  let spalten = 1;
  for (const k of zellen.keys()) {
    const [z, s] = k.split(":").map(Number) as [number, number];
    zeilen = Math.max(zeilen, z);
    spalten = Math.max(spalten, s);
  }
  const auswahl = m.auswahl?.blatt === blatt ? m.auswahl.adresse : null;
  return (
    <section aria-label="Arbeitsmappe (Vorschau)" style={{ overflow: "auto", flex: 1, fontSize: 12 }}>
      <TabList selectedValue={blatt} onTabSelect={(_, d) => setBlatt(String(d.value))} size="small">
        {[...m.blaetter.keys()]
          .filter((n) => !m.ausgeblendet.has(n)) // as Excel: hidden sheets have no tab
          .map((n) => (
            <Tab key={n} value={n}>
              {n}
            </Tab>
          ))}
      </TabList>
      {(m.diagramme.get(blatt) ?? []).map((d) => (
        <VorschauDiagramm key={d.name} m={m} blatt={blatt} d={d} />
      ))}
      <table style={{ borderCollapse: "collapse" }} data-testid="raster">
        <thead>
          <tr>
            <th />
            {Array.from({ length: spalten }, (_, s) => (
              <th key={s} scope="col">
                {spaltenBuchstabe(s + 1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: Math.min(zeilen, 60) }, (_, z) => (
            <tr key={z}>
              <th scope="row">{z + 1}</th>
              {Array.from({ length: spalten }, (_, s) => {
                const adresse = `${spaltenBuchstabe(s + 1)}${z + 1}`;
                const v = zellen.get(`${z + 1}:${s + 1}`)?.wert ?? "";
                return (
                  <td
                    key={s}
                    data-zelle={adresse}
                    style={{
                      border: "1px solid #ccc",
                      padding: "1px 4px",
                      whiteSpace: "nowrap",
                      maxWidth: 240,
                      overflow: "hidden",
                      textOverflow: "ellipsis",
                      outline: auswahl === adresse ? "3px solid #107c10" : undefined,
                      fontWeight: z === 0 ? 600 : undefined,
                    }}
                  >
                    {String(v)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

createRoot(document.getElementById("wurzel")!).render(
  <FluentProvider theme={themaFuer(parameter.has("dunkel") ? "#1f1f1f" : "#ffffff")}>
    <div style={{ display: "flex", gap: 16, height: "100vh" }}>
      <div style={{ width: 340, flex: "none", borderRight: "1px solid #ddd", overflow: "auto" }}>
        <App abh={{ gateway: createGateway(mappe.api()), dienst: dienst() }} />
      </div>
      <Mappe m={mappe} />
    </div>
  </FluentProvider>,
);
