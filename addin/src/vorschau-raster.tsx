/**
 * The browser preview's workbook beside the pane: the sheet tabs, the charts and the cells, shown as a
 * German Excel shows them — values through their number format, the template's grey output columns
 * grey (and scrolled into view, so that what a check wrote is seen), the add-in's own cell styles.
 */
import { Tab, TabList } from "@fluentui/react-components";
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from "react";
import { spaltenBuchstabe } from "../../shared/arbeitsmappe";
import type { FakeArbeitsmappe } from "./fake/fake-excel";
import { VorschauDiagramm } from "./vorschau-diagramm";
import { excelAnzeige, vorlagenZelle } from "./vorschau-format";

/** The template's colours (`lsz vorlage`): input header blue, output header dark grey, output cells grey. */
const VORLAGE = { kopf: "#1F4E79", ausgabeKopf: "#595959", ausgabe: "#EDEDED" } as const;

function zellStil(m: FakeArbeitsmappe, blatt: string, zeile: number, spalte: number): CSSProperties {
  const v = vorlagenZelle(m, blatt, zeile, spalte);
  const eigen = m.stil(blatt, zeile, spalte);
  const grund: CSSProperties = v?.kopf
    ? { background: v.ausgabe ? VORLAGE.ausgabeKopf : VORLAGE.kopf, color: "#FFFFFF", fontWeight: 600 }
    : v?.ausgabe
      ? { background: VORLAGE.ausgabe }
      : {};
  return {
    ...grund,
    ...(eigen.fuellung ? { background: String(eigen.fuellung) } : {}),
    ...(eigen.schrift ? { color: String(eigen.schrift) } : {}),
    ...(eigen.fett ? { fontWeight: 600 } : {}),
  };
}

/**
 * Moves the grid sideways so that the last grey output column that holds a result is whole in view
 * (nothing else moves; empty grey columns of an unchecked plan do not pull the grid away from A).
 */
function zeigeAusgabe(rahmen: HTMLElement | null) {
  const spalten = rahmen?.querySelectorAll<HTMLElement>('th[data-ausgabe="geschrieben"]');
  const letzte = spalten?.[spalten.length - 1];
  if (!rahmen || !letzte) return;
  const rechts = letzte.offsetLeft + letzte.offsetWidth;
  if (rechts > rahmen.scrollLeft + rahmen.clientWidth) rahmen.scrollLeft = rechts - rahmen.clientWidth;
}

/** One cell: its value as Excel shows it, its style, the selection's outline. */
function Zelle({
  m,
  blatt,
  z,
  s,
  auswahl,
}: {
  m: FakeArbeitsmappe;
  blatt: string;
  z: number;
  s: number;
  auswahl: string | null;
}) {
  const adresse = `${spaltenBuchstabe(s)}${z}`;
  const v = m.blaetter.get(blatt)?.get(`${z}:${s}`)?.wert ?? "";
  const format = m.zahlenformat(blatt, z, s) ?? vorlagenZelle(m, blatt, z, s)?.format;
  return (
    <td
      data-zelle={adresse}
      style={{
        border: "1px solid #ccc",
        padding: "1px 4px",
        whiteSpace: "nowrap",
        maxWidth: 240,
        overflow: "hidden",
        textOverflow: "ellipsis",
        textAlign: typeof v === "number" ? "right" : undefined,
        outline: auswahl === adresse ? "3px solid #107c10" : undefined,
        fontWeight: z === 1 ? 600 : undefined,
        ...zellStil(m, blatt, z, s),
      }}
    >
      {excelAnzeige(v, format)}
    </td>
  );
}

export function Mappe({ m }: { m: FakeArbeitsmappe }) {
  const [stand, neu] = useState(0);
  const [blatt, setBlatt] = useState("Maßnahmen");
  const rahmen = useRef<HTMLElement>(null);
  useEffect(() => {
    m.beiAenderung = () => {
      neu((x) => x + 1);
      if (m.aktivesBlatt) setBlatt(m.aktivesBlatt);
    };
  }, [m]);
  const gezeigt = useRef(blatt);
  useLayoutEffect(() => {
    // Another sheet starts at A1, as Excel shows it; then its grey columns come into view.
    if (gezeigt.current !== blatt && rahmen.current) rahmen.current.scrollLeft = 0;
    gezeigt.current = blatt;
    zeigeAusgabe(rahmen.current);
  }, [blatt, stand]);
  const zellen = m.blaetter.get(blatt) ?? new Map();
  let zeilen = 1;
  let spalten = 1;
  for (const k of zellen.keys()) {
    const [z, s] = k.split(":").map(Number) as [number, number];
    zeilen = Math.max(zeilen, z);
    spalten = Math.max(spalten, s);
  }
  const auswahl = m.auswahl?.blatt === blatt ? m.auswahl.adresse : null;
  /** "geschrieben" for a grey output column that holds a value below its header, "leer" for one without. */
  const ausgabeSpalte = (s: number) => {
    const t = m.tabellen.find((x) => x.blatt === blatt && vorlagenZelle(m, blatt, x.zeile, s)?.ausgabe);
    if (!t) return undefined;
    const voll = Array.from({ length: t.zeilen }, (_, r) => zellen.get(`${t.zeile + 1 + r}:${s}`)?.wert);
    return voll.some((v) => v !== undefined && v !== null && v !== "") ? "geschrieben" : "leer";
  };
  return (
    <section
      ref={rahmen}
      aria-label="Arbeitsmappe (Vorschau)"
      style={{ overflow: "auto", flex: 1, minWidth: 0, fontSize: 12 }}
      data-testid="mappe"
    >
      {/* The tabs stay where Excel keeps them while the grid moves sideways. */}
      <div style={{ position: "sticky", left: 0, width: "fit-content", maxWidth: "100%" }}>
        <TabList selectedValue={blatt} onTabSelect={(_, d) => setBlatt(String(d.value))} size="small">
          {[...m.blaetter.keys()]
            .filter((n) => !m.ausgeblendet.has(n)) // as Excel: hidden sheets have no tab
            .map((n) => (
              <Tab key={n} value={n}>
                {n}
              </Tab>
            ))}
        </TabList>
      </div>
      {(m.diagramme.get(blatt) ?? []).map((d) => (
        <VorschauDiagramm key={d.name} m={m} blatt={blatt} d={d} />
      ))}
      <table style={{ borderCollapse: "collapse" }} data-testid="raster">
        <thead>
          <tr>
            <th />
            {Array.from({ length: spalten }, (_, s) => (
              <th key={s} scope="col" data-ausgabe={ausgabeSpalte(s + 1)}>
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
                return <Zelle key={s} m={m} blatt={blatt} z={z + 1} s={s + 1} auswahl={auswahl} />;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
