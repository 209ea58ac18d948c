/**
 * The Finanzplan checks F01–F13 (docs/regeln.md). Limits come from the rule set; every
 * comparison is on integer cents and exact (70,00 % passes, 70,01 % does not).
 */
import { befund, type Befund } from "../../befund";
import { formatEuro, formatProzent, formatDatum } from "../../format";
import { istUeberAnteil, istUnterAnteil, teileDurchAnteil } from "../../geld";
import { foerderperiodeText, inFoerderperiode } from "../../regelwerke";
import type { GeleseneFinanzzeile } from "../lesen";
import type { Kontext, Regel } from "../kontext";

const FELDNAME: Record<string, { de: string; en: string }> = {
  personalausgaben: { de: "Personalausgaben", en: "staff costs" },
  sachausgaben: { de: "Sachausgaben", en: "material costs" },
  verwaltungsausgaben: { de: "Verwaltungsausgaben", en: "administrative costs" },
  honorarausgaben: { de: "Honorarausgaben", en: "fees" },
  investitionen: { de: "Investitionen", en: "investments" },
  drittmittel: { de: "Drittmittel", en: "third-party funds" },
  eigenmittel_kreis: { de: "Eigenmittel Kreis", en: "own funds of the Kreis" },
  anteil_gemeinden: { de: "Anteil Gemeinden", en: "municipal share" },
  landesmittel: { de: "Landesmittel", en: "state funds" },
  gesamtausgaben: { de: "Gesamtausgaben", en: "total expenses" },
  bemessungsgrundlage: { de: "Bemessungsgrundlage", en: "assessment base" },
};

/** "(Maßnahme 4.3, 2019)" */
function wo(z: GeleseneFinanzzeile): { de: string; en: string } {
  const teile = [z.nr ? `Maßnahme ${z.nr}` : "ohne Maßnahme-Nr", z.jahr ?? z.jahrText ?? "ohne Jahr"];
  const parts = [z.nr ? `measure ${z.nr}` : "no measure number", z.jahr ?? z.jahrText ?? "no year"];
  return { de: `(${teile.join(", ")})`, en: `(${parts.join(", ")})` };
}

const ortZeile = (z: GeleseneFinanzzeile, spalte: string) => ({
  tabelle: "finanzplan" as const,
  zeile: z.zeile,
  spalte,
});
const ortJahr = (spalte: string) => ({ tabelle: "finanzplan" as const, zeile: null, spalte });

export const F07: Regel = {
  code: "F07",
  pruefe: (k) =>
    k.finanzplan.flatMap((z) =>
      z.probleme.map((p) => {
        const n = FELDNAME[p.feld]!;
        const grund =
          p.grund === "text"
            ? { de: `„${p.text}“ ist keine Zahl`, en: `"${p.text}" is not a number` }
            : p.grund === "negativ"
              ? { de: `${p.text} ist negativ`, en: `${p.text} is negative` }
              : {
                  de: `${p.text} hat mehr als zwei Nachkommastellen`,
                  en: `${p.text} has more than two decimals`,
                };
        return befund(
          "F07",
          "fehler",
          { de: `${n.de}: ${grund.de} ${wo(z).de}.`, en: `${n.en}: ${grund.en} ${wo(z).en}.` },
          ortZeile(z, p.feld),
        );
      }),
    ),
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
            "fehler",
            {
              de: `Gesamtausgaben angegeben ${formatEuro(z.gesamtausgabenAngegeben)}, die Ausgabenarten ergeben ${formatEuro(gesamt)} ${wo(z).de}.`,
              en: `Total expenses typed as ${formatEuro(z.gesamtausgabenAngegeben, "en")}, the expense types add up to ${formatEuro(gesamt, "en")} ${wo(z).en}.`,
            },
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
            "fehler",
            {
              de: `Zeile nicht ausgeglichen: Gesamtausgaben ${formatEuro(gesamt)}, Finanzierung ${formatEuro(finanzierung)} (${diff > 0 ? "Überdeckung" : "Lücke"} ${formatEuro(Math.abs(diff))}) ${wo(z).de}.`,
              en: `Row does not balance: total expenses ${formatEuro(gesamt, "en")}, funding ${formatEuro(finanzierung, "en")} (${diff > 0 ? "surplus" : "gap"} ${formatEuro(Math.abs(diff), "en")}) ${wo(z).en}.`,
            },
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
    return k.finanzplan.flatMap((z) => {
      if (!z.vollstaendig) return [];
      const l = z.betraege.landesmittel!;
      const bg = z.bemessungsgrundlage!;
      if (l === 0 || !istUeberAnteil(l, bg, grenze)) return [];
      if (z.zuwendungsfaehig === 0) return []; // F06: state funds for investments only
      const quote = bg > 0 ? formatProzent(l / bg, "de", 1) : null;
      return [
        befund(
          "F05",
          schwere,
          quote
            ? {
                de: `Landesquote ${quote} über ${formatProzent(grenze)} ${wo(z).de}.`,
                en: `State quota ${formatProzent(l / bg, "en", 1)} above ${formatProzent(grenze, "en")} ${wo(z).en}.`,
              }
            : {
                de: `Landesmittel ${formatEuro(l)} bei einer Bemessungsgrundlage von 0,00 € ${wo(z).de}.`,
                en: `State funds ${formatEuro(l, "en")} with an assessment base of €0.00 ${wo(z).en}.`,
              },
          ortZeile(z, "landesmittel"),
        ),
      ];
    });
  },
};

export const F06: Regel = {
  code: "F06",
  pruefe: (k) =>
    k.finanzplan.flatMap((z) => {
      if (!z.vollstaendig) return [];
      const b = z.betraege;
      if (z.zuwendungsfaehig === 0 && b.investitionen! > 0 && b.landesmittel! > 0) {
        return [
          befund(
            "F06",
            "fehler",
            {
              de: `Landesmittel ${formatEuro(b.landesmittel!)} für eine Zeile, deren einzige Ausgaben Investitionen sind (${formatEuro(b.investitionen!)}); Investitionen sind nicht zuwendungsfähig ${wo(z).de}.`,
              en: `State funds ${formatEuro(b.landesmittel!, "en")} on a row whose only expenses are investments (${formatEuro(b.investitionen!, "en")}), which are not eligible ${wo(z).en}.`,
            },
            ortZeile(z, "landesmittel"),
          ),
        ];
      }
      const angegeben = z.bemessungsgrundlageAngegeben;
      if (
        angegeben !== null &&
        b.investitionen! > 0 &&
        angegeben !== z.bemessungsgrundlage &&
        angegeben >= z.bemessungsgrundlage! + b.investitionen!
      ) {
        return [
          befund(
            "F06",
            "fehler",
            {
              de: `Bemessungsgrundlage angegeben ${formatEuro(angegeben)} enthält die Investitionen (${formatEuro(b.investitionen!)}); zuwendungsfähig ist nur ${formatEuro(z.bemessungsgrundlage!)} ${wo(z).de}.`,
              en: `Assessment base typed as ${formatEuro(angegeben, "en")} includes the investments (${formatEuro(b.investitionen!, "en")}); only ${formatEuro(z.bemessungsgrundlage!, "en")} is eligible ${wo(z).en}.`,
            },
            ortZeile(z, "bemessungsgrundlage"),
          ),
        ];
      }
      return [];
    }),
};

export const F08: Regel = {
  code: "F08",
  pruefe: (k) =>
    k.finanzplan.flatMap((z) =>
      z.vollstaendig && z.betraege.drittmittel! > z.gesamtausgaben!
        ? [
            befund(
              "F08",
              "fehler",
              {
                de: `Drittmittel ${formatEuro(z.betraege.drittmittel!)} übersteigen die Gesamtausgaben ${formatEuro(z.gesamtausgaben!)} ${wo(z).de}.`,
                en: `Third-party funds ${formatEuro(z.betraege.drittmittel!, "en")} exceed the total expenses ${formatEuro(z.gesamtausgaben!, "en")} ${wo(z).en}.`,
              },
              ortZeile(z, "drittmittel"),
            ),
          ]
        : [],
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
          "fehler",
          {
            de: `Förderjahr ${j} liegt außerhalb der Förderperiode ${periode} des Regelwerks ${rw.id}.`,
            en: `Funding year ${j} is outside the funding period ${periode} of rule set ${rw.id}.`,
          },
          { tabelle: "parameter", spalte: "foerderjahr" },
        ),
      );
    for (const z of k.finanzplan) {
      if (z.jahr !== null && inFoerderperiode(rw, z.jahr)) continue;
      befunde.push(
        befund(
          "F09",
          "fehler",
          z.jahr === null
            ? {
                de: `Jahr ${z.jahrText ? `„${z.jahrText}“ ist kein Jahr` : "fehlt"} ${wo(z).de}.`,
                en: `Year ${z.jahrText ? `"${z.jahrText}" is not a year` : "is missing"} ${wo(z).en}.`,
              }
            : {
                de: `Jahr ${z.jahr} liegt außerhalb der Förderperiode ${periode} (${rw.id}) ${wo(z).de}.`,
                en: `Year ${z.jahr} is outside the funding period ${periode} (${rw.id}) ${wo(z).en}.`,
              },
          ortZeile(z, "jahr"),
        ),
      );
    }
    return befunde;
  },
};

export const F10: Regel = {
  code: "F10",
  pruefe: (k) =>
    k.finanzplan.flatMap((z) =>
      z.nr !== null && !k.massnahmeNachNr.has(z.nr)
        ? [
            befund(
              "F10",
              "fehler",
              {
                de: `Maßnahme-Nr ${z.nr} steht nicht in der Maßnahmenliste ${wo(z).de}.`,
                en: `Measure number ${z.nr} is not in the list of measures ${wo(z).en}.`,
              },
              ortZeile(z, "massnahme_nr"),
            ),
          ]
        : z.nr === null
          ? [
              befund(
                "F10",
                "fehler",
                { de: `Maßnahme-Nr fehlt ${wo(z).de}.`, en: `Measure number missing ${wo(z).en}.` },
                ortZeile(z, "massnahme_nr"),
              ),
            ]
          : [],
    ),
};

export const F11: Regel = {
  code: "F11",
  pruefe: (k) => {
    const mitZeile = new Set(k.finanzplan.map((z) => z.nr));
    return k.massnahmen.flatMap((m) =>
      m.nr !== null && !mitZeile.has(m.nr) && k.massnahmeNachNr.get(m.nr) === m
        ? [
            befund(
              "F11",
              "warnung",
              {
                de: `Maßnahme ${m.nr}${m.titel ? ` „${m.titel}“` : ""} hat keine Zeile im Finanzplan.`,
                en: `Measure ${m.nr} has no row in the financial plan.`,
              },
              { tabelle: "massnahmen", zeile: m.zeile, spalte: "nr" },
            ),
          ]
        : [],
    );
  },
};

export const F12: Regel = {
  code: "F12",
  pruefe: (k) => {
    const stufe = k.kreis.foerderstufe;
    const befunde: Befund[] = [];
    if (stufe === 3) {
      const jahr = Math.min(...k.foerderjahre);
      const frist = `${jahr - k.grenzen.fachplan_max_jahre}-01-01`;
      if (k.kreis.fachplanDatum === null && k.kreis.fachplanText === null) {
        befunde.push(
          befund(
            "F12",
            "fehler",
            {
              de: "Förderstufe 3 ohne Datum des Fachplans.",
              en: "Funding level 3 without the date of the integrated plan.",
            },
            { tabelle: "parameter", spalte: "fachplan_datum" },
          ),
        );
      } else if (k.kreis.fachplanDatum !== null && k.kreis.fachplanDatum < frist) {
        befunde.push(
          befund(
            "F12",
            "fehler",
            {
              de: `Förderstufe 3: der Fachplan vom ${formatDatum(k.kreis.fachplanDatum)} ist zu Beginn des Förderjahrs ${jahr} älter als ${k.grenzen.fachplan_max_jahre} Jahre.`,
              en: `Funding level 3: the plan of ${k.kreis.fachplanDatum} is older than ${k.grenzen.fachplan_max_jahre} years at the start of ${jahr}.`,
            },
            { tabelle: "parameter", spalte: "fachplan_datum" },
          ),
        );
      }
      return befunde;
    }
    if (stufe !== 1 && stufe !== 2) return befunde;
    for (const z of k.finanzplan) {
      if (!z.vollstaendig || z.betraege.landesmittel === 0 || z.nr === null) continue;
      const m = k.massnahmeNachNr.get(z.nr);
      if (!m) continue; // F10
      const bestand = m.art === "Bestandssicherung";
      const planung = stufe === 2 && m.handlungsfeld === 1;
      if (bestand || planung) continue;
      const erlaubt =
        stufe === 1 ? "nur Bestandssicherung" : "nur Bestandssicherung und Planung (Handlungsfeld 1)";
      const allowed = stufe === 1 ? "only preservation" : "only preservation and planning (field 1)";
      befunde.push(
        befund(
          "F12",
          "fehler",
          {
            de: `Förderstufe ${stufe} erlaubt ${erlaubt}; Maßnahme ${m.nr} ist ${m.art ?? "ohne Art"}${m.handlungsfeld ? ` in Handlungsfeld ${m.handlungsfeld}` : ""} und erhält ${formatEuro(z.betraege.landesmittel!)} Landesmittel ${wo(z).de}.`,
            en: `Funding level ${stufe} allows ${allowed}; measure ${m.nr} (${m.art ?? "no kind"}) receives ${formatEuro(z.betraege.landesmittel!, "en")} state funds ${wo(z).en}.`,
          },
          ortZeile(z, "landesmittel"),
        ),
      );
    }
    return befunde;
  },
};

/** Year-level checks run only over complete years (every amount readable). */
function vollstaendigeJahre(k: Kontext) {
  return [...k.jahre.values()].filter((j) => j.vollstaendig).sort((a, b) => a.jahr - b.jahr);
}

export const F01: Regel = {
  code: "F01",
  pruefe: (k) =>
    vollstaendigeJahre(k).flatMap((j) => {
      const g = k.grenzen.landesquote_max;
      if (j.landesmittel === 0 || !istUeberAnteil(j.landesmittel, j.bemessungsgrundlage, g)) return [];
      const quote = j.bemessungsgrundlage > 0 ? j.landesmittel / j.bemessungsgrundlage : null;
      return [
        befund(
          "F01",
          "fehler",
          {
            de: `${j.jahr}: Landesmittel ${formatEuro(j.landesmittel)} sind ${quote === null ? "bei 0 € Bemessungsgrundlage" : formatProzent(quote, "de", 2)} der Bemessungsgrundlage ${formatEuro(j.bemessungsgrundlage)}; zulässig sind höchstens ${formatProzent(g)} (${formatEuro(Math.floor(j.bemessungsgrundlage * g))}).`,
            en: `${j.jahr}: state funds ${formatEuro(j.landesmittel, "en")} are ${quote === null ? "with a €0 base" : formatProzent(quote, "en", 2)} of the assessment base ${formatEuro(j.bemessungsgrundlage, "en")}; at most ${formatProzent(g, "en")} is allowed.`,
          },
          ortJahr("landesmittel"),
        ),
      ];
    }),
};

export const F02: Regel = {
  code: "F02",
  pruefe: (k) => {
    const fhb = k.kreis.foerderhoechstbetrag;
    if (fhb === null) return [];
    return vollstaendigeJahre(k).flatMap((j) =>
      j.landesmittel > fhb
        ? [
            befund(
              "F02",
              "fehler",
              {
                de: `${j.jahr}: Landesmittel ${formatEuro(j.landesmittel)} übersteigen den Förderhöchstbetrag ${formatEuro(fhb)} um ${formatEuro(j.landesmittel - fhb)}.`,
                en: `${j.jahr}: state funds ${formatEuro(j.landesmittel, "en")} exceed the maximum grant ${formatEuro(fhb, "en")} by ${formatEuro(j.landesmittel - fhb, "en")}.`,
              },
              ortJahr("landesmittel"),
            ),
          ]
        : [],
    );
  },
};

export const F03: Regel = {
  code: "F03",
  pruefe: (k) =>
    vollstaendigeJahre(k).flatMap((j) => {
      const g = k.grenzen.eigenanteil_min;
      if (j.bemessungsgrundlage === 0 || !istUnterAnteil(j.eigenanteil, j.bemessungsgrundlage, g)) return [];
      return [
        befund(
          "F03",
          "fehler",
          {
            de: `${j.jahr}: Eigenanteil ${formatEuro(j.eigenanteil)} (Eigenmittel Kreis + Anteil Gemeinden) ist ${formatProzent(j.eigenanteil / j.bemessungsgrundlage, "de", 2)} der Bemessungsgrundlage ${formatEuro(j.bemessungsgrundlage)}; nötig sind mindestens ${formatProzent(g)} (${formatEuro(Math.ceil(j.bemessungsgrundlage * g))}).`,
            en: `${j.jahr}: own share ${formatEuro(j.eigenanteil, "en")} is ${formatProzent(j.eigenanteil / j.bemessungsgrundlage, "en", 2)} of the assessment base ${formatEuro(j.bemessungsgrundlage, "en")}; at least ${formatProzent(g, "en")} is required.`,
          },
          ortJahr("eigenmittel_kreis"),
        ),
      ];
    }),
};

export const F13: Regel = {
  code: "F13",
  pruefe: (k) => {
    const fhb = k.kreis.foerderhoechstbetrag;
    if (fhb === null) return [];
    const noetig = teileDurchAnteil(fhb, k.grenzen.landesquote_max);
    return vollstaendigeJahre(k).flatMap((j) =>
      j.landesmittel < fhb
        ? [
            befund(
              "F13",
              "hinweis",
              {
                de: `${j.jahr}: ${formatEuro(fhb - j.landesmittel)} des Förderhöchstbetrags ${formatEuro(fhb)} sind nicht beantragt (Landesmittel ${formatEuro(j.landesmittel)}). Um ihn ganz auszuschöpfen, muss die Bemessungsgrundlage ${formatEuro(noetig)} erreichen (${formatEuro(fhb)} ÷ ${formatProzent(k.grenzen.landesquote_max)}); sie beträgt ${formatEuro(j.bemessungsgrundlage)}.`,
                en: `${j.jahr}: ${formatEuro(fhb - j.landesmittel, "en")} of the maximum grant ${formatEuro(fhb, "en")} is not requested. To draw it all, the assessment base must reach ${formatEuro(noetig, "en")}; it is ${formatEuro(j.bemessungsgrundlage, "en")}.`,
              },
              ortJahr("landesmittel"),
            ),
          ]
        : [],
    );
  },
};
