/**
 * The Finanzplan checks of single rows and measures (docs/regeln.md); the year-sum rules are in jahr/.
 * Limits come from the rule set; every comparison is on integer cents and exact (70,00 % passes,
 * 70,01 % does not).
 */
import { FINANZPLAN_FELDNAME } from "../../arbeitsmappe/layout";
import { merke } from "../../merken";
import { befund, befundeJe, type Befund } from "../../befund";
import { excelFehler } from "../../excel-fehler";
import { formatDatum, formatEuro, formatProzent, formatProzentGegen } from "../../format";
import { anteilAbgerundet, betragsproblemText, istUeberAnteil, teileDurchAnteil } from "../../geld";
import { soBeheben } from "../../regeln/katalog";
import { foerderperiodeText, inFoerderperiode } from "../../regelwerke";
import type { GeleseneFinanzzeile, GeleseneMassnahme } from "../lesen";
import { jeMassnahmenzeile, type Pruefkontext, type Regel } from "../kontext";

/** "(Maßnahme 4.3, 2019)" */
function wo(z: GeleseneFinanzzeile): string {
  const teile = [z.nr ? `Maßnahme ${z.nr}` : "ohne Maßnahme-Nr", z.jahr ?? z.jahrText ?? "ohne Jahr"];
  return `(${teile.join(", ")})`;
}

const ortZeile = (z: GeleseneFinanzzeile, spalte: string) => ({
  tabelle: "finanzplan" as const,
  zeile: z.zeile,
  spalte,
});

export const F07: Regel = {
  code: "F07",
  pruefe: (k) => {
    const befunde: Befund[] = [];
    for (const z of k.finanzplan)
      for (const p of z.probleme) {
        // An Excel error value (#NV, #DIV/0! …) is Z03's, with its meaning and what to do.
        if (excelFehler(p.text)) continue;
        const n = FINANZPLAN_FELDNAME[p.feld];
        const grund = betragsproblemText(p.grund, p.text);
        befunde.push(befund("F07", `${n} ${wo(z)}: ${grund}.`, ortZeile(z, p.feld)));
      }
    return befunde;
  },
};

export const F04: Regel = {
  code: "F04",
  pruefe: (k) => {
    const befunde: Befund[] = [];
    for (const z of k.finanzplan) {
      if (!z.vollstaendig) continue;
      const b = z.betraege;
      const gesamt = z.gesamtausgaben!;
      if (z.gesamtausgabenAngegeben !== null && z.gesamtausgabenAngegeben !== gesamt) {
        befunde.push(
          befund(
            "F04",
            `Gesamtausgaben angegeben ${formatEuro(z.gesamtausgabenAngegeben)}, die Ausgabenarten ergeben ${formatEuro(gesamt)} ${wo(z)}.`,
            ortZeile(z, "gesamtausgaben"),
          ),
        );
      }
      const finanzierung = b.drittmittel! + b.landesmittel! + b.eigenmittel_kreis! + b.anteil_gemeinden!;
      if (finanzierung !== gesamt) {
        const diff = finanzierung - gesamt;
        befunde.push(
          befund(
            "F04",
            `Zeile nicht ausgeglichen: Gesamtausgaben ${formatEuro(gesamt)}, Finanzierung ${formatEuro(finanzierung)} (${diff > 0 ? "Überdeckung" : "Lücke"} ${formatEuro(Math.abs(diff))}) ${wo(z)}.`,
            ortZeile(z, "landesmittel"),
          ),
        );
      }
    }
    return befunde;
  },
};

export const F05: Regel = {
  code: "F05",
  pruefe: (k) => {
    const grenze = k.grenzen.landesquote_max;
    const schwere = k.grenzen.landesquote_je_massnahme;
    return befundeJe(k.finanzplan, (z) => {
      if (!z.vollstaendig) return null;
      const l = z.betraege.landesmittel!;
      const bg = z.bemessungsgrundlage!;
      if (l === 0 || !istUeberAnteil(l, bg, grenze)) return null;
      if (z.zuwendungsfaehig === 0) return null; // F06: state funds for investments only
      const quote = bg > 0 ? formatProzentGegen(l / bg, grenze) : null;
      const erlaubt = anteilAbgerundet(bg, grenze);
      return befund(
        "F05",
        quote
          ? `Landesquote ${quote} über ${formatProzent(grenze)} ${wo(z)}. ${soBeheben("F05", {
              erlaubt: formatEuro(erlaubt),
              weniger: formatEuro(l - erlaubt),
              bemessungsgrundlage: formatEuro(teileDurchAnteil(l, grenze)),
            })}`
          : `Landesmittel ${formatEuro(l)} bei einer Bemessungsgrundlage von 0,00 € ${wo(z)}.`,
        ortZeile(z, "landesmittel"),
        schwere,
      );
    });
  },
};

export const F06: Regel = {
  code: "F06",
  pruefe: (k) =>
    befundeJe(k.finanzplan, (z) => {
      if (!z.vollstaendig) return null;
      const b = z.betraege;
      if (z.zuwendungsfaehig === 0 && b.investitionen! > 0 && b.landesmittel! > 0) {
        return befund(
          "F06",
          `Landesmittel ${formatEuro(b.landesmittel!)} für eine Zeile, deren einzige Ausgaben Investitionen sind (${formatEuro(b.investitionen!)}); Investitionen sind nicht zuwendungsfähig ${wo(z)}.`,
          ortZeile(z, "landesmittel"),
        );
      }
      const angegeben = z.bemessungsgrundlageAngegeben;
      if (
        angegeben !== null &&
        b.investitionen! > 0 &&
        angegeben !== z.bemessungsgrundlage &&
        angegeben >= z.bemessungsgrundlage! + b.investitionen!
      ) {
        return befund(
          "F06",
          `Bemessungsgrundlage angegeben ${formatEuro(angegeben)} enthält die Investitionen (${formatEuro(b.investitionen!)}); zuwendungsfähig ist nur ${formatEuro(z.bemessungsgrundlage!)} ${wo(z)}.`,
          ortZeile(z, "bemessungsgrundlage"),
        );
      }
      return null;
    }),
};

export const F08: Regel = {
  code: "F08",
  pruefe: (k) =>
    befundeJe(k.finanzplan, (z) =>
      z.vollstaendig && z.betraege.drittmittel! > z.gesamtausgaben!
        ? befund(
            "F08",
            `Drittmittel ${formatEuro(z.betraege.drittmittel!)} übersteigen die Gesamtausgaben ${formatEuro(z.gesamtausgaben!)} ${wo(z)}.`,
            ortZeile(z, "drittmittel"),
          )
        : null,
    ),
};

export const F09: Regel = {
  code: "F09",
  pruefe: (k) => {
    const rw = k.regelwerk;
    const periode = foerderperiodeText(rw);
    const befunde: Befund[] = k.foerderjahre
      .filter((j) => !inFoerderperiode(rw, j))
      .map((j) =>
        befund(
          "F09",
          `Förderjahr ${j} liegt außerhalb der Förderperiode ${periode} des Regelwerks ${rw.id}.`,
          { tabelle: "parameter", spalte: "foerderjahr" },
        ),
      );
    for (const z of k.finanzplan) {
      if (z.jahr !== null && inFoerderperiode(rw, z.jahr)) continue;
      befunde.push(
        befund(
          "F09",
          z.jahr === null
            ? `Jahr ${z.jahrText ? `„${z.jahrText}“ ist kein Jahr` : "fehlt"} ${wo(z)}.`
            : `Jahr ${z.jahr} liegt außerhalb der Förderperiode ${periode} (${rw.id}) ${wo(z)}.`,
          ortZeile(z, "jahr"),
        ),
      );
    }
    return befunde;
  },
};

/** Measures without a Finanzplan row, in list order (a row's measure is the first of its Nr). */
function ohneFinanzplanzeile(k: Pruefkontext) {
  const mitZeile = jeMassnahmenzeile(k, Uint8Array);
  for (const z of k.finanzplan) if (z.massnahme !== null) mitZeile[z.massnahme.zeile] = 1;
  return k.massnahmen.filter(
    (m) => m.nr !== null && mitZeile[m.zeile] === 0 && k.massnahmeNachNr.get(m.nr) === m,
  );
}

/**
 * A typed Nr that matches no measure while exactly one measure has no row: most likely a typo for
 * that one. F10 then names it, and F11 leaves that measure out (one typo, one finding).
 */
interface Zuordnung {
  /** Measures without a Finanzplan row, in list order. */
  ohne: GeleseneMassnahme[];
  /** Finanzplan rows whose Nr is most likely that of the one measure without a row. */
  vermutlich: Map<GeleseneFinanzzeile, string>;
}
const zuordnungen = new WeakMap<Pruefkontext, Zuordnung>();

function zuordnung(k: Pruefkontext): Zuordnung {
  // F10 and F11 both ask; worked out once per check.
  let z = zuordnungen.get(k);
  if (!z) zuordnungen.set(k, (z = ordneZu(k)));
  return z;
}

function ordneZu(k: Pruefkontext): Zuordnung {
  const fremd = k.finanzplan.filter((z) => z.nr !== null && z.massnahme === null);
  const ohne = ohneFinanzplanzeile(k);
  const nrn = new Set(fremd.map((z) => z.nr));
  const vermutlich =
    nrn.size === 1 && ohne.length === 1
      ? new Map(fremd.map((z) => [z, ohne[0]!.nr!] as const))
      : new Map<GeleseneFinanzzeile, string>();
  return { ohne, vermutlich };
}

export const F10: Regel = {
  code: "F10",
  pruefe: (k) => {
    const { vermutlich } = zuordnung(k);
    return befundeJe(k.finanzplan, (z) => {
      if (z.massnahme !== null) return null;
      const gemeint = vermutlich.get(z);
      return befund(
        "F10",
        z.nr === null
          ? `Maßnahme-Nr fehlt ${wo(z)}: die Nr der Maßnahme aus der Maßnahmenliste eintragen.`
          : `Maßnahme-Nr ${z.nr} steht nicht in der Maßnahmenliste ${wo(z)}${gemeint ? `; gemeint ist wohl ${gemeint}, die einzige Maßnahme ohne Finanzplanzeile` : ""}.`,
        ortZeile(z, "massnahme_nr"),
      );
    });
  },
};

export const F11: Regel = {
  code: "F11",
  pruefe: (k) => {
    const { ohne, vermutlich } = zuordnung(k);
    const vermutet = new Set(vermutlich.values());
    return ohne
      .filter((m) => !vermutet.has(m.nr!))
      .map((m) =>
        befund(
          "F11",
          `Maßnahme ${m.nr}${m.titel ? ` „${m.titel}“` : ""} hat keine Zeile im Finanzplan: eine Zeile je Förderjahr anlegen oder die Maßnahme streichen.`,
          { tabelle: "massnahmen", zeile: m.zeile, spalte: "nr" },
        ),
      );
  },
};

export const F12: Regel = {
  code: "F12",
  pruefe: (k) => {
    const stufe = k.kreis.foerderstufe;
    const befunde: Befund[] = [];
    if (stufe === 3) {
      if (k.kreis.fachplan === null && k.kreis.fachplanText === null) {
        befunde.push(
          befund(
            "F12",
            "Förderstufe 3 ohne Datum des Fachplans: das Datum des vorgelegten Fachplans eintragen.",
            { tabelle: "parameter", spalte: "fachplan_datum" },
          ),
        );
      }
      const fachplan = k.kreis.fachplan;
      if (fachplan === null) return befunde; // unreadable: K01
      // Every Förderjahr of the request: a plan that is young enough in 2019 may be too old in 2021.
      for (const jahr of k.foerderjahre) {
        const frist = `${jahr - k.grenzen.fachplan_max_jahre}-01-01`;
        if (fachplan.bis >= frist) continue;
        const datum = fachplan.von === fachplan.bis ? formatDatum(fachplan.bis) : k.kreis.fachplanText;
        befunde.push(
          befund(
            "F12",
            `Förderstufe 3: der Fachplan vom ${datum} ist zu Beginn des Förderjahrs ${jahr} älter als ${k.grenzen.fachplan_max_jahre} Jahre; für ${jahr} ist ein fortgeschriebener Fachplan nötig (nicht vor dem ${formatDatum(frist)}).`,
            { tabelle: "parameter", spalte: "fachplan_datum" },
          ),
        );
      }
      return befunde;
    }
    if (stufe !== 1 && stufe !== 2) return befunde;
    for (const z of k.finanzplan) {
      const m = z.massnahme;
      if (!z.betraege.landesmittel || m === null) continue; // F10
      const bestand = m.art === "Bestandssicherung";
      const planung = stufe === 2 && m.handlungsfeld === 1;
      if (bestand || planung) continue;
      const erlaubt =
        stufe === 1 ? "nur Bestandssicherung" : "nur Bestandssicherung und Planung (Handlungsfeld 1)";
      befunde.push(
        befund(
          "F12",
          `Förderstufe ${stufe} erlaubt ${erlaubt}; Maßnahme ${m.nr} ist ${m.art ?? "ohne Art"}${m.handlungsfeld ? ` in Handlungsfeld ${m.handlungsfeld}` : ""} und erhält ${formatEuro(z.betraege.landesmittel)} Landesmittel ${wo(z)}.`,
          ortZeile(z, "landesmittel"),
        ),
      );
    }
    return befunde;
  },
};

/**
 * Stufe 3 needs the plan first: „Die Planungsprozesse und die Vorlage eines fachspezifischen Planes
 * erlauben die Beantragung der Förderhöchststufe (Stufe 3)“ (000 §1.1); Erfurt's plan „ist Grundlage
 * für einen Stufenwechsel von Stufe 2 zu Stufe 3“ (003 §6). A Fachplan dated after the start of a
 * Förderjahr it is to justify is asked about, not passed over (a range such as „2019“ decides nothing).
 */
export const F16: Regel = {
  code: "F16",
  pruefe: (k) => {
    const fachplan = k.kreis.fachplan;
    if (k.kreis.foerderstufe !== 3 || fachplan === null) return [];
    const datum = fachplan.von === fachplan.bis ? formatDatum(fachplan.von) : `„${k.kreis.fachplanText}“`;
    return k.foerderjahre
      .filter((jahr) => fachplan.von > `${jahr}-01-01`)
      .map((jahr) =>
        befund(
          "F16",
          `Förderstufe 3 für ${jahr}: der Fachplan vom ${datum} liegt nach dem Beginn des Förderjahrs (01.01.${jahr}). Die Förderstufe 3 setzt den vorgelegten Fachplan voraus („Die Planungsprozesse und die Vorlage eines fachspezifischen Planes erlauben die Beantragung der Förderhöchststufe (Stufe 3)“). Klären, ob Stufe 3 für ${jahr} schon gilt oder bis zum Beschluss des Plans Stufe 2 zu beantragen ist.`,
          { tabelle: "parameter", spalte: "fachplan_datum" },
        ),
      );
  },
};

/** „2019-01-01“, „2019-12-31“: a year's first and last day as ISO dates, each written once (F15 asks per row). */
const jahresanfang = merke((jahr: number) => `${jahr}-01-01`, 1000);
const jahresende = merke((jahr: number) => `${jahr}-12-31`, 1000);

/** A Finanzplan year outside its measure's Beginn–Ende: money planned when the measure does not run. */
export const F15: Regel = {
  code: "F15",
  pruefe: (k) =>
    befundeJe(k.finanzplan, (z) => {
      const m = z.massnahme;
      if (m === null || z.jahr === null || !inFoerderperiode(k.regelwerk, z.jahr)) return null; // F10, F09
      const beginn = m.beginn.art === "zeitraum" ? m.beginn.von : null;
      const ende = m.ende.art === "zeitraum" ? m.ende.bis : null;
      const vorher = beginn !== null && beginn > jahresende(z.jahr);
      const nachher = ende !== null && ende < jahresanfang(z.jahr);
      if (!vorher && !nachher) return null;
      return befund(
        "F15",
        vorher
          ? `Maßnahme ${z.nr} beginnt erst am ${formatDatum(beginn!)}, der Finanzplan sieht für ${z.jahr} Mittel vor ${wo(z)}: Jahr oder Beginn korrigieren.`
          : `Maßnahme ${z.nr} endet am ${formatDatum(ende!)}, der Finanzplan sieht für ${z.jahr} Mittel vor ${wo(z)}: Jahr oder Ende korrigieren.`,
        ortZeile(z, "jahr"),
      );
    }),
};
