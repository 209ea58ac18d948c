/**
 * The browser preview, outside Office: the same pane against the example workbook held in memory by
 * the fake Excel the tests use, with the workbook shown beside it so the written cells can be seen.
 */
import { FluentProvider, Tab, TabList, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import kreiseCsv from "../../data/thueringen-kreise-2017.csv?raw";
import plan from "../../data/ilm-kreis-2019-massnahmen.json";
import type { IlmPlan } from "../../shared/beispiel/ilm";
import { spaltenBuchstabe } from "../../shared/arbeitsmappe";
import { App } from "./App";
import { rechendienst } from "./dienst";
import { beispielMappe } from "./fake/beispiel-mappe";
import type { FakeArbeitsmappe } from "./fake/fake-excel";
import { createGateway } from "./gateway/gateway";

const mappe = beispielMappe({ plan: plan as IlmPlan, kreiseCsv });
const ohneDienst = new URLSearchParams(location.search).has("offline");
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
        {[...m.blaetter.keys()].map((n) => (
          <Tab key={n} value={n}>
            {n}
          </Tab>
        ))}
      </TabList>
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
  <FluentProvider theme={webLightTheme}>
    <div style={{ display: "flex", gap: 16, height: "100vh" }}>
      <div style={{ width: 340, flex: "none", borderRight: "1px solid #ddd", overflow: "auto" }}>
        <App abh={{ gateway: createGateway(mappe.api()), dienst: ohneDienst ? null : rechendienst() }} />
      </div>
      <Mappe m={mappe} />
    </div>
  </FluentProvider>,
);
