/**
 * The Maßnahmen checks of single rows and lists, and the Kreis header checks (docs/regeln.md); M12, a
 * year-sum rule, is in jahr/; M10 and M14 (the Handlungsfelder as a whole) in handlungsfelder.ts.
 */
import { MASSNAHME_PFLICHTFELDER, type MassnahmePflichtfeld } from "../../arbeitsmappe/layout";
import { befund, befundeJe, type Befund } from "../../befund";
import { excelFehler } from "../../excel-fehler";
import { formatDatum, formatEuro } from "../../format";
import { betragsproblemText } from "../../geld";
import { merke } from "../../merken";
import { normiere } from "../woerter";
import { kurz } from "../../zahl";
import { zellText, type GeleseneFinanzzeile, type GeleseneMassnahme, type KeineDatenzeile } from "../lesen";
import type { Pruefkontext, Regel } from "../kontext";
import { inFoerderperiode } from "../../regelwerke";
import { ARTEN, BESTANDSSCHUTZ_KATEGORIEN, HANDLUNGSFELDER } from "../woerter";

const ort = (m: GeleseneMassnahme, spalte: string | null) => ({
  tabelle: "massnahmen" as const,
  zeile: m.zeile,
  spalte,
});
/** „Maßnahme 4.1“, or the row as Excel numbers it where the Nr is empty. */
export const name = (m: GeleseneMassnahme) => (m.nr ? `Maßnahme ${m.nr}` : `Zeile ${m.blattZeile}`);

/** Bestandssicherung, also with Ausbau: what Bestandsschutz asks for (M04, M07, M13). */
const istBestandssicherung = (m: GeleseneMassnahme) =>
  m.art === "Bestandssicherung" || m.art === "Bestandssicherung + Ausbau";

const ARTEN_TEXT = ARTEN.join(", ");
const TRAEGERARTEN_TEXT =
  "gemeinnütziger Träger, Verband der Wohlfahrtspflege, kirchlicher Träger, kreisangehörige Stadt/Gemeinde oder Landkreis/kreisfreie Stadt (der Kreis selbst)";
const HF_TEXT = "1–6, z. B. „4“, „HF 4“ oder „Beratung, Unterstützung und Information“";

/**
 * What may stand in each required field; which fields are required is the layout's `pflicht` flag, so
 * a new required column is a type error here until it says what belongs in it.
 */
const ERLAUBT = {
  nr: "z. B. „4.1“",
  titel: "der Name der Maßnahme",
  handlungsfeld: HF_TEXT,
  art: ARTEN_TEXT,
  traeger: "wer die Maßnahme durchführt, z. B. „Diakonie Ilm-Kreis“",
  traegerart: TRAEGERARTEN_TEXT,
  beginn: "z. B. „01.02.2019“, „ab zweitem Quartal 2019“ oder „fortlaufend“",
} as const satisfies Record<MassnahmePflichtfeld, string>;

/** Required fields with the name a sentence gives them: the header without an abbreviation's dot („Nr“). */
const PFLICHT = MASSNAHME_PFLICHTFELDER.map(
  ({ feld, kopf }) => [feld, kopf.replace(/\.$/, ""), ERLAUBT[feld]] as const,
);

export const M01: Regel = {
  code: "M01",
  pruefe: (k) => {
    const befunde: Befund[] = [];
    for (const m of k.massnahmen)
      for (const [feld, de, erlaubt] of PFLICHT) {
        const leer = feld === "beginn" ? m.beginn.art === "leer" : zellText(m.roh[feld]) === null;
        if (leer)
          befunde.push(befund("M01", `${name(m)}: Pflichtfeld ${de} ist leer (${erlaubt}).`, ort(m, feld)));
      }
    return befunde;
  },
};

export const M02: Regel = {
  code: "M02",
  pruefe: (k) =>
    befundeJe(k.massnahmen, (m) => {
      const roh = zellText(m.roh.handlungsfeld);
      if (roh === null || m.handlungsfeld !== null) return null;
      return befund(
        "M02",
        `${name(m)}: Handlungsfeld „${kurz(roh)}“ ist keins der Handlungsfelder ${HF_TEXT}; stehen Nummer und Name darin, müssen sie zusammenpassen (${Object.entries(
          HANDLUNGSFELDER,
        )
          .map(([nr, n]) => `${nr} ${n}`)
          .join("; ")}).`,
        ort(m, "handlungsfeld"),
      );
    }),
};

export const M03: Regel = {
  code: "M03",
  pruefe: (k) =>
    befundeJe(k.massnahmen, (m) => {
      const roh = zellText(m.roh.art);
      if (roh === null || m.art !== null) return null;
      return befund(
        "M03",
        `${name(m)}: Art „${kurz(roh)}“ ist keine der Arten ${ARTEN_TEXT}.`,
        ort(m, "art"),
      );
    }),
};

export const M04: Regel = {
  code: "M04",
  pruefe: (k) => {
    const befunde: Befund[] = [];
    for (const m of k.massnahmen) {
      if (!istBestandssicherung(m)) continue;
      if (m.kategorie === null) {
        const roh = zellText(m.roh.bestandsschutz_kategorie);
        befunde.push(
          befund(
            "M04",
            `${name(m)}: Bestandssicherung, aber ${roh ? `„${kurz(roh)}“ ist` : "die Maßnahme ist"} keine Bestandsschutz-Kategorie (${BESTANDSSCHUTZ_KATEGORIEN.join(", ")}).`,
            ort(m, "bestandsschutz_kategorie"),
          ),
        );
      }
      if (m.zuwendung2017 !== true) {
        const roh = zellText(m.roh.landeszuwendung_2017);
        befunde.push(
          befund(
            "M04",
            `${name(m)}: Bestandssicherung setzt Landesmittel im Jahr 2017 voraus; angegeben ist ${m.zuwendung2017 === false ? "„nein“" : roh ? `„${kurz(roh)}“` : "nichts"}.`,
            ort(m, "landeszuwendung_2017"),
          ),
        );
      }
    }
    return befunde;
  },
};

export const M05: Regel = {
  code: "M05",
  pruefe: (k) =>
    befundeJe(k.massnahmen, (m) => {
      const roh = zellText(m.roh.traegerart);
      if (roh === null || m.traegerart !== null || m.traegerFrage?.zulaessig === null) return null;
      const warum = m.traegerFrage?.zulaessig === false ? ` (${m.traegerFrage.grund})` : "";
      return befund(
        "M05",
        `${name(m)}: Trägerart „${kurz(roh)}“ ist kein zulässiger Letztempfänger${warum}; erlaubt: ${TRAEGERARTEN_TEXT}.`,
        ort(m, "traegerart"),
      );
    }),
};

/** Where the words of the Trägerart do not decide whether it may receive funds: asked, not guessed. */
export const M15: Regel = {
  code: "M15",
  pruefe: (k) =>
    befundeJe(k.massnahmen, (m) =>
      m.traegerFrage?.zulaessig === null
        ? befund(
            "M15",
            `${name(m)}: Trägerart „${kurz(zellText(m.roh.traegerart) ?? "")}“ – ${m.traegerFrage.grund}. Bitte klären und die Trägerart eindeutig eintragen.`,
            ort(m, "traegerart"),
          )
        : null,
    ),
};

const ZEITFELDER = ["beginn", "ende"] as const;

export const M06: Regel = {
  code: "M06",
  pruefe: (k) => {
    const befunde: Befund[] = [];
    for (const m of k.massnahmen)
      for (const f of ZEITFELDER) {
        if (m[f].art !== "unlesbar" || excelFehler(m.roh[f])) continue; // an error value: Z03
        befunde.push(
          befund(
            "M06",
            `${name(m)}: ${f === "beginn" ? "Beginn" : "Ende"} „${kurz(zellText(m.roh[f]) ?? "")}“ ist nicht lesbar (z. B. „01.02.2019“, „ab Februar 2019“, „ab zweitem Quartal 2019“, „fortlaufend“).`,
            ort(m, f),
          ),
        );
      }
    return befunde;
  },
};

function ausserhalb(
  m: GeleseneMassnahme,
  f: "beginn" | "ende",
  datum: string,
  periode: string,
  k: Pruefkontext,
): Befund {
  return befund(
    "M07",
    `${name(m)}: ${f === "beginn" ? "Beginn" : "Ende"} ${formatDatum(datum)} liegt außerhalb der Förderperiode ${periode} (${k.regelwerk.id}).`,
    ort(m, f),
  );
}

export const M07: Regel = {
  code: "M07",
  pruefe: (k) => {
    const { von, bis } = k.regelwerk.foerderperiode;
    const start = `${von}-01-01`;
    const ende = bis === null ? null : `${bis}-12-31`;
    const periode = bis === null ? `ab 01.01.${von}` : `01.01.${von}–31.12.${bis}`;
    const befunde: Befund[] = [];
    for (const m of k.massnahmen) {
      const b = m.beginn.art === "zeitraum" ? m.beginn.von : null;
      const e = m.ende.art === "zeitraum" ? m.ende.bis : null;
      // Bestandsschutz means the institution existed before: a Bestandssicherung that began before the
      // period („seit 1995“) is not outside it.
      const bestand = istBestandssicherung(m);
      if (b !== null && ((b < start && !bestand) || (ende !== null && b > ende)))
        befunde.push(ausserhalb(m, "beginn", b, periode, k));
      if (e !== null && (e < start || (ende !== null && e > ende)))
        befunde.push(ausserhalb(m, "ende", e, periode, k));
      if (b !== null && e !== null && e < b) {
        befunde.push(
          befund(
            "M07",
            `${name(m)}: Ende ${formatDatum(e)} liegt vor dem Beginn ${formatDatum(b)}.`,
            ort(m, "ende"),
          ),
        );
      }
    }
    return befunde;
  },
};

export const M08: Regel = {
  code: "M08",
  pruefe: (k) =>
    befundeJe(k.massnahmen, (m) => {
      if (m.nr === null) return null;
      const erste = k.massnahmeNachNr.get(m.nr)!;
      if (erste === m) return null;
      return befund(
        "M08",
        `Maßnahme-Nr ${m.nr} steht doppelt (Zeilen ${erste.blattZeile} und ${m.blattZeile}).`,
        ort(m, "nr"),
      );
    }),
};

/**
 * Titles compared ignoring case, dashes and spaces; by hashing, so it stays linear. The key is the
 * title in lower case without white space (\s), „-“, „‐“, „–“, „—“ and „_“, umlauts and ß written out
 * („Süd“ = „Sued“). One pass over the characters (five replaces cost three times as much on the hot
 * path); test/shared/pruefung/titelschluessel.test.ts holds it equal to those replaces for any text.
 */
export function titelSchluessel(titel: string): string {
  const t = titel.toLowerCase();
  let aus = "";
  let von = 0; // the characters from `von` to i are kept as they are
  for (let i = 0; i < t.length; i++) {
    const z = t.charCodeAt(i);
    let ersatz: string | undefined;
    if (z < 0x80) {
      // ASCII: space, tab and line breaks, „-“ and „_“ go; everything else stays.
      if (z !== 32 && z !== 45 && z !== 95 && (z < 9 || z > 13)) continue;
      ersatz = "";
    } else {
      ersatz = UMLAUT.get(z) ?? (WEG.test(t[i]!) ? "" : undefined);
      if (ersatz === undefined) continue;
    }
    aus += t.slice(von, i) + ersatz;
    von = i + 1;
  }
  return von === 0 ? t : aus + t.slice(von);
}
/** Read once per distinct title (a plan is checked again and again as it is edited). */
const titelSchluesselGemerkt = merke(titelSchluessel);
const UMLAUT = new Map([
  [0xe4, "ae"],
  [0xf6, "oe"],
  [0xfc, "ue"],
  [0xdf, "ss"],
]);
/** Beyond ASCII: white space (no-break space among it) and the dashes Word writes. */
const WEG = /^[\s‐–—]$/;

export const M09: Regel = {
  code: "M09",
  pruefe: (k) => {
    const erste = new Map<string, GeleseneMassnahme>();
    const befunde: Befund[] = [];
    for (const m of k.massnahmen) {
      if (m.titel === null) continue;
      const s = titelSchluesselGemerkt(m.titel);
      const vorher = erste.get(s);
      if (!vorher) {
        erste.set(s, m);
        continue;
      }
      const hf = (x: GeleseneMassnahme) => (x.handlungsfeld ? `HF ${x.handlungsfeld}` : "ohne HF");
      befunde.push(
        befund(
          "M09",
          `${name(m)} „${kurz(m.titel, 60)}“ (${hf(m)}) hat denselben Titel wie ${name(vorher)} (${hf(vorher)}): mögliche Doppelförderung.`,
          ort(m, "titel"),
        ),
      );
    }
    return befunde;
  },
};

const UNTERNEHMEN =
  /(^|[\s,(])(GmbH(\s*&\s*Co\.?\s*KG)?|mbH|UG(\s*\(haftungsbeschränkt\))?|AG|KG|OHG|GbR|e\.\s?K\.)(?=$|[\s,.)])/;
// gGmbH, gUG, gAG: case-sensitive, so that a plain "GmbH" is not read as "g" + "mbH".
const GEMEINNUETZIGE_FORM = /(^|[\s,(])g(GmbH|UG|AG)(?=$|[\s,.)])/;
const GEMEINNUETZIG_WORT = /gemeinnützig/i;

export const M11: Regel = {
  code: "M11",
  pruefe: (k) =>
    befundeJe(k.massnahmen, (m) => {
      if (
        m.traeger === null ||
        !UNTERNEHMEN.test(m.traeger) ||
        GEMEINNUETZIGE_FORM.test(m.traeger) ||
        GEMEINNUETZIG_WORT.test(m.traeger) ||
        m.gemeinnuetzig === true
      )
        return null;
      return befund(
        "M11",
        `${name(m)}: Träger „${kurz(m.traeger, 60)}“ ist ein Unternehmen und nicht als gemeinnützig gekennzeichnet: Gemeinnützigkeit bestätigen.`,
        ort(m, "traeger"),
      );
    }),
};

export const K01: Regel = {
  code: "K01",
  pruefe: (k) => {
    const befunde: Befund[] = [];
    const kr = k.kreis;
    if (kr.foerderstufe === null) {
      befunde.push(
        befund(
          "K01",
          kr.foerderstufeText === null
            ? "Die Förderstufe fehlt (1, 2 oder 3)."
            : `Förderstufe „${kurz(kr.foerderstufeText)}“ ist nicht 1, 2 oder 3 (auch „Stufe 3“ oder „III“).`,
          { tabelle: "parameter", spalte: "foerderstufe" },
        ),
      );
    }
    if (kr.foerderhoechstbetrag === null) {
      befunde.push(
        befund(
          "K01",
          kr.foerderhoechstbetragText === null
            ? "Der Förderhöchstbetrag fehlt; F02 und F13 können nicht geprüft werden."
            : `Förderhöchstbetrag: ${betragsproblemText(kr.foerderhoechstbetragProblem ?? "text", kr.foerderhoechstbetragText)}; F02 und F13 können nicht geprüft werden.`,
          { tabelle: "parameter", spalte: "foerderhoechstbetrag_eur" },
        ),
      );
    }
    if (kr.fachplanText !== null && kr.fachplan === null) {
      befunde.push(
        befund(
          "K01",
          `Fachplan-Datum „${kurz(kr.fachplanText)}“ ist kein Datum (z. B. „15.06.2018“, „Juni 2018“ oder „2018“).`,
          { tabelle: "parameter", spalte: "fachplan_datum" },
        ),
      );
    }
    return befunde;
  },
};

const nameKern = (t: string) => normiere(t).replace(/[^a-z0-9]/g, "");

/** Kreisschlüssel or name of the Kreis, compared with the rule set's Zuwendungsempfänger. */
export const K02: Regel = {
  code: "K02",
  pruefe: (k) => {
    const { schluessel, name } = k.kreis;
    const liste = k.regelwerk.zuwendungsempfaenger;
    const gefunden =
      schluessel !== null
        ? liste.some((kr) => kr.schluessel === schluessel)
        : name === null || liste.some((kr) => nameKern(kr.name) === nameKern(name));
    if (gefunden) return [];
    const jahre = k.foerderjahre.join(", ");
    return [
      befund(
        "K02",
        `${name ?? "Der Kreis"}${schluessel ? ` (${schluessel})` : ""} ist im Förderjahr ${jahre} kein Zuwendungsempfänger nach ${k.regelwerk.id} (${liste.length} Landkreise und kreisfreie Städte${schluessel === "16056" ? "; Eisenach gehört seit 01.07.2021 zum Wartburgkreis, 16063" : ""}): Kreisschlüssel prüfen.`,
        { tabelle: "parameter", spalte: schluessel !== null ? "schluessel" : "name" },
      ),
    ];
  },
};

/**
 * The Förderhöchstbetrag the check uses (Parameter sheet) against what the allocation in the same
 * workbook computes for the Kreis: a difference is named with both amounts; the check keeps using the
 * Parameter sheet's, which the user may replace by the ministry's (the pane offers it).
 */
export const K03: Regel = {
  code: "K03",
  pruefe: (k) => {
    const { foerderhoechstbetrag: hier, foerderhoechstbetragVerteilung: dort, name } = k.kreis;
    if (hier === null || dort === null || hier === dort) return [];
    const mehr = hier > dort;
    return [
      befund(
        "K03",
        `Förderhöchstbetrag im Parameterblatt ${formatEuro(hier)}, die Verteilung in dieser Arbeitsmappe ergibt für ${name ?? "den Kreis"} ${formatEuro(dort)} (${formatEuro(Math.abs(hier - dort))} ${mehr ? "weniger" : "mehr"}). Geprüft wurde mit ${formatEuro(hier)}. Gilt der Betrag des Ministeriums, ihn im Parameterblatt als Förderhöchstbetrag (€) eintragen und erneut prüfen.`,
        { tabelle: "parameter", spalte: "foerderhoechstbetrag_eur" },
      ),
    ];
  },
};

/** Bestandsschutz is secured for at least two years (Erfurt's process description). */
export const M13: Regel = {
  code: "M13",
  pruefe: (k) => {
    const mindestEnde = `${k.regelwerk.foerderperiode.von + 1}-12-31`;
    const bestand = k.massnahmen.filter(istBestandssicherung);
    if (bestand.length === 0) return [];
    const plan = finanzplanJeNr(k, new Set(bestand.map((m) => m.nr)));
    return bestand.flatMap((m) => {
      if (m.ende.art !== "zeitraum" || m.ende.bis >= mindestEnde) return bestandImFinanzplan(k, m, plan);
      return [
        befund(
          "M13",
          `${name(m)}: Bestandssicherung endet am ${formatDatum(m.ende.bis)}; der Bestandsschutz ist für mindestens zwei Jahre zu sichern (bis ${formatDatum(mindestEnde)}). Ende prüfen.`,
          ort(m, "ende"),
        ),
      ];
    });
  },
};

/**
 * The two years in the Finanzplan: a Bestandssicherung with Landesmittel in its first Förderjahr of
 * the plan and none in the next, where the plan covers that year and it lies inside the period.
 */
type FinanzplanZeilen = Pruefkontext["finanzplan"];

/**
 * The Finanzplan's rows with a year by Maßnahme-Nr. (of the Nrs asked for), and the years the plan
 * covers: built once per check.
 */
function finanzplanJeNr(
  k: Pruefkontext,
  nrn: ReadonlySet<string | null>,
): { jeNr: Map<string, FinanzplanZeilen>; jahre: Set<number | null> } {
  const jeNr = new Map<string, FinanzplanZeilen>();
  for (const z of k.finanzplan) {
    if (z.nr === null || z.jahr === null || !nrn.has(z.nr)) continue;
    const liste = jeNr.get(z.nr);
    if (liste) liste.push(z);
    else jeNr.set(z.nr, [z]);
  }
  // The Förderjahre and the years of the data rows (k.jahre holds exactly those).
  const jahre = new Set<number | null>(k.foerderjahre);
  for (const jahr of k.jahre.keys()) jahre.add(jahr);
  return { jeNr, jahre };
}

function bestandImFinanzplan(
  k: Pruefkontext,
  m: GeleseneMassnahme,
  plan: ReturnType<typeof finanzplanJeNr>,
): Befund[] {
  if (m.nr === null) return [];
  const zeilen = plan.jeNr.get(m.nr) ?? [];
  const gefoerdert = zeilen.filter((z) => (z.betraege.landesmittel ?? 0) > 0).map((z) => z.jahr!);
  if (gefoerdert.length === 0) return [];
  const erstes = gefoerdert.reduce((a, b) => Math.min(a, b));
  const naechstes = erstes + 1;
  if (!plan.jahre.has(naechstes) || !inFoerderperiode(k.regelwerk, naechstes)) return [];
  const dort = zeilen.filter((z) => z.jahr === naechstes);
  // An unreadable amount there may be the Landesmittel: F07 says so, this rule does not guess.
  if (dort.some((z) => z.betraege.landesmittel === null || z.betraege.landesmittel > 0)) return [];
  const betrag = zeilen
    .filter((z) => z.jahr === erstes)
    .reduce((s, z) => s + (z.betraege.landesmittel ?? 0), 0);
  return [
    befund(
      "M13",
      `${name(m)} (Bestandssicherung) erhält ${erstes} ${formatEuro(betrag)} Landesmittel, ${dort.length === 0 ? `hat aber für ${naechstes} keine Zeile im Finanzplan` : `${naechstes} aber keine`}; der Bestandsschutz ist „für mindestens 2 Jahre“ zu sichern (Prozessbeschreibung Erfurt). Für ${naechstes} eine Finanzplanzeile mit Landesmitteln anlegen oder begründen, warum die Einrichtung nicht weiter gefördert wird.`,
      ort(m, "nr"),
    ),
  ];
}

const ZEILENART: Record<KeineDatenzeile, string> = {
  leer: "leer",
  platzhalter: "Platzhalter ohne Maßnahme",
  summe: "Summenzeile",
};

/** Z01's findings for one table: one per kind of row that is no data row. */
function keineDatenzeilenBefunde(
  tabelle: "massnahmen" | "finanzplan",
  zeilen: readonly (GeleseneMassnahme | GeleseneFinanzzeile)[],
): Befund[] {
  return (["summe", "platzhalter", "leer"] as const).flatMap((art) => {
    const treffer = zeilen.filter((z) => z.keineDatenzeile === art);
    if (treffer.length === 0) return [];
    const nr = treffer.map((z) => z.blattZeile);
    const tab = tabelle === "massnahmen" ? "Maßnahmen" : "Finanzplan";
    return [
      befund(
        "Z01",
        `${tab} ${nr.length === 1 ? "Zeile" : "Zeilen"} ${nr.join(", ")}: ${ZEILENART[art]} – nicht als ${tabelle === "massnahmen" ? "Maßnahme" : "Finanzplanzeile"} gezählt${art === "summe" ? " (die Summen bildet die Prüfung selbst)" : ""}.`,
        { tabelle, zeile: treffer[0]!.zeile, spalte: null },
      ),
    ];
  });
}

/** Rows people leave in tables: said once per table and kind, never counted. */
export const Z01: Regel = {
  code: "Z01",
  pruefe: (k) => [
    ...keineDatenzeilenBefunde("massnahmen", k.keineDatenzeilen.massnahmen),
    ...keineDatenzeilenBefunde("finanzplan", k.keineDatenzeilen.finanzplan),
  ],
};
