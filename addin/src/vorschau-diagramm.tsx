/**
 * The browser preview's stand-in for Excel's chart engine: draws a chart the fake Excel holds from the
 * cells of its source range, as Excel would — series names in the first row, categories in the first
 * column, bars stacked or side by side, a series set to "Line" drawn as a line. Preview only: in Excel
 * the add-in's charts are native charts.
 */
import type { ReactNode } from "react";
import { FARBE } from "../../shared/farben";
import type { FakeArbeitsmappe, FakeDiagramm } from "./fake/fake-excel";

/** Excel's colours where a series has none of its own: the product's palette. */
const STANDARDFARBEN = [FARBE.blau, FARBE.orange, FARBE.gruen, FARBE.lila, FARBE.rot, FARBE.grau];
const zahl = new Intl.NumberFormat("de-DE", { notation: "compact", maximumFractionDigits: 1 });

/** The source range's cells: [series names], then [category, values…] per row. */
function quelleLesen(m: FakeArbeitsmappe, blatt: string, quelle: string) {
  const [kopf = [], ...zeilen] = m.werteIn(blatt, quelle);
  return {
    reihen: kopf.slice(1).map(String),
    kategorien: zeilen.map((z) => String(z[0])),
    werte: zeilen.map((z) => z.slice(1).map((v) => Number(v) || 0)),
  };
}

function skala(min: number, max: number) {
  const spanne = max - min || 1;
  const roh = spanne / 4;
  const stufe = 10 ** Math.floor(Math.log10(roh));
  const schritt = [1, 2, 2.5, 5, 10].map((f) => f * stufe).find((s) => s >= roh)!;
  const unten = Math.floor(min / schritt) * schritt;
  const oben = Math.ceil(max / schritt) * schritt;
  const ticks: number[] = [];
  for (let v = unten; v <= oben + schritt / 2; v += schritt) ticks.push(v);
  return { unten, oben, ticks };
}

/** Sizes and the value → pixel mapping of one chart, as the preview draws it. */
function geometrie(m: FakeArbeitsmappe, blatt: string, d: FakeDiagramm) {
  const { reihen, kategorien, werte } = quelleLesen(m, blatt, d.quelle);
  const istLinie = (i: number) => d.serien[i]?.typ?.startsWith("Line") ?? false;
  const gestapelt = d.typ.endsWith("Stacked");
  const waagerecht = d.typ.startsWith("Bar");
  const summen = werte.map((w) => {
    let plus = 0;
    let minus = 0;
    w.forEach((v, i) => {
      if (istLinie(i)) return;
      if (!gestapelt) {
        plus = Math.max(plus, v);
        minus = Math.min(minus, v);
      } else if (v >= 0) plus += v;
      else minus += v;
    });
    const linie = w.filter((_, i) => istLinie(i));
    return { plus: Math.max(plus, ...linie), minus };
  });
  const { unten, oben, ticks } = skala(
    Math.min(0, ...summen.map((s) => s.minus)),
    Math.max(0, ...summen.map((s) => s.plus)),
  );
  const breite = 640;
  const links = waagerecht ? 170 : 60;
  const kopf = 12;
  const band = waagerecht
    ? 18
    : Math.max(24, Math.min(70, (breite - links - 20) / Math.max(1, kategorien.length)));
  const flaeche = waagerecht ? kategorien.length * band : 220;
  const hoehe = kopf + flaeche + (waagerecht ? 50 : 80);
  const zeichenBreite = waagerecht ? breite - links - 20 : kategorien.length * band;
  return {
    reihen,
    kategorien,
    werte,
    istLinie,
    gestapelt,
    waagerecht,
    unten,
    ticks,
    breite,
    links,
    kopf,
    band,
    flaeche,
    hoehe,
    zeichenBreite,
    farbe: (i: number) => d.serien[i]?.farbe ?? STANDARDFARBEN[i % STANDARDFARBEN.length]!,
    wert: (v: number) => ((v - unten) / (oben - unten || 1)) * (waagerecht ? zeichenBreite : flaeche),
    // Excel draws the first category at the bottom of a bar chart unless the axis is reversed.
    platz: (k: number) => (waagerecht && !d.umgekehrt ? kategorien.length - 1 - k : k),
  };
}
type Geometrie = ReturnType<typeof geometrie>;

/** The bars (stacked or side by side) of every category and series that is not a line. */
function balken(g: Geometrie): ReactNode[] {
  const { werte, istLinie, gestapelt, waagerecht, band, links, kopf, flaeche, wert, platz } = g;
  const liste: ReactNode[] = [];
  werte.forEach((w, k) => {
    let plus = 0;
    let minus = 0;
    const saeulen = w.filter((_, i) => !istLinie(i)).length;
    let nr = 0;
    w.forEach((v, i) => {
      if (istLinie(i)) return;
      const dicke = gestapelt ? band * 0.7 : (band * 0.7) / saeulen;
      const versatz = band * 0.15 + (gestapelt ? 0 : nr * dicke);
      nr++;
      const start = gestapelt ? (v >= 0 ? plus : minus + v) : Math.min(0, v);
      if (gestapelt && v >= 0) plus += v;
      else if (gestapelt) minus += v;
      const a = wert(start);
      const b = wert(start + Math.abs(v));
      const r = waagerecht
        ? { x: links + a, y: kopf + platz(k) * band + versatz, width: b - a, height: dicke }
        : { x: links + platz(k) * band + versatz, y: kopf + flaeche - b, width: dicke, height: b - a };
      liste.push(
        <rect key={`${k}-${i}`} {...r} fill={g.farbe(i)}>
          <title>{`${g.kategorien[k]} · ${g.reihen[i]}: ${v.toLocaleString("de-DE")} €`}</title>
        </rect>,
      );
    });
  });
  return liste;
}

/** Line k of the chart's n line series: earlier lines wider, later ones dashed on top of them. */
function linienStil(k: number, n: number) {
  return { strokeWidth: 2.5 + 2.5 * (n - 1 - k), strokeDasharray: k === 0 ? undefined : "7 4" };
}

/**
 * The line series: each category's value across its band, so that a limit per year reads as a step and
 * one year alone still shows its line (Excel shows its marker). Two limits of the same amount (the
 * Förderhöchstbetrag and 70 % of the base) stay both visible: the later one is drawn dashed and
 * narrower on the earlier, and each is named at its right end (names that would overlap step apart).
 */
function linien(g: Geometrie) {
  const { kopf, flaeche, links, band, wert, platz } = g;
  const nummern = g.reihen.flatMap((_, i) => (g.istLinie(i) ? [i] : []));
  const namenY: number[] = [];
  return nummern.map((i, k) => {
    const ys = g.werte.map((w) => kopf + flaeche - wert(w[i]!));
    const punkte = ys
      .map((y, kat) => {
        const x = links + platz(kat) * band;
        return `${x + band * 0.1},${y} ${x + band * 0.9},${y}`;
      })
      .join(" ");
    const letzte = g.werte.length - 1;
    let y = (ys[letzte] ?? kopf) + 4;
    while (namenY.some((n) => Math.abs(n - y) < 12)) y += 12;
    namenY.push(y);
    return (
      <g key={i} data-linie={g.reihen[i]}>
        <polyline points={punkte} fill="none" stroke={g.farbe(i)} {...linienStil(k, nummern.length)} />
        <text x={links + platz(letzte) * band + band * 0.9 + 4} y={y} fontSize={10} fill="currentColor">
          {g.reihen[i]}
        </text>
      </g>
    );
  });
}

/** A grid line and its label per tick: across the value axis, which runs along x for bars. */
function gitter(g: Geometrie) {
  const { links, kopf, flaeche, zeichenBreite, waagerecht } = g;
  return g.ticks.map((t) => {
    const p = g.wert(t);
    const [linie, beschriftung] = waagerecht
      ? [
          { x1: links + p, x2: links + p, y1: kopf, y2: kopf + flaeche },
          { x: links + p, y: kopf + flaeche + 14, textAnchor: "middle" as const },
        ]
      : [
          { x1: links, x2: links + zeichenBreite, y1: kopf + flaeche - p, y2: kopf + flaeche - p },
          { x: links - 4, y: kopf + flaeche - p + 3, textAnchor: "end" as const },
        ];
    return (
      <g key={t}>
        <line {...linie} stroke="#ddd" />
        <text {...beschriftung} fontSize={10} fill="currentColor">
          {zahl.format(t)}
        </text>
      </g>
    );
  });
}

function kategorienText(g: Geometrie) {
  const { links, kopf, flaeche, band } = g;
  return g.kategorien.map((k, i) =>
    g.waagerecht ? (
      <text
        key={k + i}
        x={links - 4}
        y={kopf + g.platz(i) * band + band / 2 + 3}
        textAnchor="end"
        fontSize={10}
        fill="currentColor"
      >
        {k.length > 28 ? `${k.slice(0, 27)}…` : k}
      </text>
    ) : (
      <text
        key={k + i}
        transform={`translate(${links + i * band + band / 2},${kopf + flaeche + 8}) rotate(35)`}
        fontSize={10}
        fill="currentColor"
      >
        {k}
      </text>
    ),
  );
}

function legende(g: Geometrie) {
  const nummern = g.reihen.flatMap((_, i) => (g.istLinie(i) ? [i] : []));
  return g.reihen.map((r, i) => {
    const x = 10 + i * (g.breite / Math.max(1, g.reihen.length));
    return (
      <g key={r} transform={`translate(${x},${g.hoehe - 14})`}>
        {g.istLinie(i) ? (
          <line
            x1={0}
            x2={12}
            y1={-4}
            y2={-4}
            stroke={g.farbe(i)}
            {...linienStil(nummern.indexOf(i), nummern.length)}
          />
        ) : (
          <rect x={0} y={-9} width={10} height={10} fill={g.farbe(i)} />
        )}
        <text x={16} y={0} fontSize={10} fill="currentColor">
          {r}
        </text>
      </g>
    );
  });
}

export function VorschauDiagramm({ m, blatt, d }: { m: FakeArbeitsmappe; blatt: string; d: FakeDiagramm }) {
  const g = geometrie(m, blatt, d);
  const { breite, hoehe, kategorien, reihen, links, kopf, flaeche } = g;
  return (
    <figure
      style={{
        margin: "8px 0",
        maxWidth: breite,
        border: "1px solid #ccc",
        background: "#fff",
        color: "#242424",
      }}
      data-testid="vorschau-diagramm"
      data-name={d.name}
      data-typ={d.typ}
    >
      {/* The title as text that wraps: whole in a narrow window, never cut at the chart's edge. */}
      <figcaption
        style={{
          fontSize: 13,
          fontWeight: 600,
          textAlign: "center",
          padding: "6px 8px 0",
          overflowWrap: "anywhere",
        }}
      >
        {d.titel}
      </figcaption>
      {/* The drawing keeps Excel's size (readable labels); a narrow window scrolls it sideways. */}
      <div style={{ overflowX: "auto" }}>
        <svg
          width={breite}
          height={hoehe}
          style={{ display: "block" }}
          viewBox={`0 0 ${breite} ${hoehe}`}
          role="img"
          aria-label={`${d.titel} (${kategorien.length} ${kategorien.length === 1 ? "Kategorie" : "Kategorien"}, ${reihen.length} ${reihen.length === 1 ? "Reihe" : "Reihen"})`}
        >
          {gitter(g)}
          {kategorienText(g)}
          {balken(g)}
          {linien(g)}
          {g.waagerecht && g.unten < 0 && (
            <line x1={links + g.wert(0)} x2={links + g.wert(0)} y1={kopf} y2={kopf + flaeche} stroke="#666" />
          )}
          {legende(g)}
        </svg>
      </div>
    </figure>
  );
}
