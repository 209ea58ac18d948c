/**
 * The sheet pictures themselves (shared/arbeitsmappe/blattbild.ts), in Node: golden files of what the
 * example plan's check and allocation write (a change of the look shows as a diff of these files),
 * and Excel's own limits that every picture keeps.
 */
import { describe, expect, it } from "vitest";
import { createGateway } from "../../addin/src/gateway/gateway";
import {
  DRUCK_TEXTE,
  STILE,
  ZEILENHOEHE_MAX_PT,
  berichtBild,
  pruefAnfrage,
  pruefAusgabe,
  pruefBilder,
  verteilAnfrage,
  verteilAusgabe,
  verteilBilder,
  vorlageBild,
  vorlageBilder,
  zeichenbreite,
  zeilenFuer,
  type BerichtZeile,
  type Blattart,
  type Blattbild,
} from "../../shared/arbeitsmappe";
import { verteile } from "../../shared/allocation/verteilung";
import { allocationRequestSchema } from "../../shared/allocation/schema";
import { pruefe } from "../../shared/pruefung/pruefe";
import { validationRequestSchema } from "../../shared/pruefung/schema";
import { VERSION } from "../../shared/version";
import { BEISPIEL, beispiel } from "../addin/fake-hilfen";

async function bilder() {
  const m = beispiel();
  const { mappe } = await createGateway(m.api()).leseTabellen();
  const p = pruefAnfrage(mappe);
  const v = verteilAnfrage(mappe);
  if (!p.ok || !v.ok) throw new Error("Beispiel nicht lesbar");
  const ausgabe = pruefAusgabe(pruefe(validationRequestSchema.parse(p.anfrage)), p.bezug);
  const a = verteilAusgabe(verteile(allocationRequestSchema.parse(v.anfrage)), v.bezug);
  return { pruef: pruefBilder(ausgabe), verteil: verteilBilder(a.zeilen, a.bericht, a.diagramme) };
}

/** Every picture the tools write for the example, the template's sheets included. */
async function alleBilder(): Promise<Blattbild<Blattart>[]> {
  const { pruef, verteil } = await bilder();
  return [
    pruef.pruefbericht,
    pruef.uebersicht!,
    verteil.foerderhoechstbetraege,
    verteil.verteilungsbericht,
    vorlageBild("pruefbericht"),
    vorlageBild("foerderhoechstbetraege"),
    vorlageBild("uebersicht"),
    ...vorlageBilder(null),
    ...vorlageBilder(BEISPIEL),
  ];
}

/** Two findings as a check writes them (fixed here, so that a rule's new wording does not move the golden file). */
const BEFUNDE: BerichtZeile[] = [
  {
    schwere: "fehler",
    regel: "F05",
    meldung:
      "Maßnahme 1.1, 2019: Landesmittel 99.999,00 € übersteigen 70 % der Bemessungsgrundlage (9.100,00 €) um 90.899,00 €. Der Finanzplan ist so nicht förderfähig.",
    blatt: "Finanzplan",
    zelle: "K2",
    regelwerk: "LSZ-2019 (2019.1)",
    beheben: "Landesmittel senken oder die Bemessungsgrundlage erhöhen.",
  },
  {
    schwere: "hinweis",
    regel: "M10",
    meldung: "Handlungsfeld 5 hat keine Maßnahme.",
    blatt: "Parameter",
    zelle: null,
    regelwerk: "LSZ-2019 (2019.1)",
    beheben: "",
  },
];

const OBEN = [
  ["Prüfbericht LSZ-Finanzplan"],
  ["Kreis", "Ilm-Kreis (16070)"],
  [],
  ["Jahr", "Landesmittel (€)", "Förderhöchstbetrag (€)", "Ausschöpfung", "Landesquote", "Eigenanteilsquote"],
  [2019, 445785, 445785, 1, 0.7, 0.3],
];

describe("golden pictures", () => {
  it("a Prüfbericht with its summary, and the example's Übersicht", async () => {
    const { pruef } = await bilder();
    await expect(JSON.stringify(berichtBild("pruefbericht", BEFUNDE, OBEN), null, 1)).toMatchFileSnapshot(
      "golden/pruefbericht.json",
    );
    await expect(JSON.stringify(pruef.uebersicht, null, 1)).toMatchFileSnapshot("golden/uebersicht.json");
  });

  it("the example's allocation: Förderhöchstbeträge and Verteilungsbericht", async () => {
    const { verteil } = await bilder();
    await expect(JSON.stringify(verteil, null, 1)).toMatchFileSnapshot("golden/verteilung.json");
  });

  it("the empty template, every sheet (test/cli/vorlage-abbild.test.ts holds the file lsz writes from it)", async () => {
    // One line per cell row, block or range, so that a diff names what changed.
    const zeilen = vorlageBilder(null).map((b) =>
      Object.entries(b).map(([teil, v]) =>
        Array.isArray(v) ? [teil, v.map((x) => JSON.stringify(x))] : [teil, v],
      ),
    );
    await expect(
      JSON.stringify(zeilen, null, 1).replaceAll(`Vorlage ${VERSION}`, "Vorlage {VERSION}"),
    ).toMatchFileSnapshot("golden/vorlage.json");
  });
});

describe("Excel's limits (Microsoft: „Excel specifications and limits“)", () => {
  it("no row over 409 points, no column over 255 characters, no header or footer over 255 characters", async () => {
    for (const b of await alleBilder()) {
      for (const h of b.hoehen) expect(h.pt, b.art).toBeLessThanOrEqual(409);
      for (const w of b.breiten) expect(zeichenbreite(w.pt), b.art).toBeLessThanOrEqual(255);
    }
    for (const t of Object.values(DRUCK_TEXTE)) expect(t.length).toBeLessThanOrEqual(255);
  });

  it("a finding as long as a cell may hold (32.767 characters) gets Excel's tallest row, not more", () => {
    const bild = berichtBild("pruefbericht", [
      {
        schwere: "fehler",
        regel: "F01",
        meldung: "x".repeat(32_767),
        blatt: "Finanzplan",
        zelle: "K2",
        regelwerk: "LSZ-2019 (1.0)",
        beheben: "",
      },
    ]);
    expect(bild.hoehen).toEqual([{ zeile: 2, pt: ZEILENHOEHE_MAX_PT }]);
  });

  it("colours are #RRGGBB, as Office.js takes them", () => {
    for (const s of Object.values(STILE) as { schrift?: string; fuellung?: string }[])
      for (const f of [s.schrift, s.fuellung]) if (f) expect(f).toMatch(/^#[0-9A-F]{6}$/);
  });
});

describe("rows as tall as their wrapped text", () => {
  it("a paragraph per line break, a line per column width of characters", () => {
    expect(zeilenFuer("kurz", 480)).toBe(1);
    expect(zeilenFuer("a\nb\nc", 480)).toBe(3);
    expect(zeilenFuer("x".repeat(200), 480)).toBeGreaterThanOrEqual(3);
  });

  it("every report row gets a height, so a re-run never keeps a taller row of an earlier one", async () => {
    const { pruef } = await bilder();
    const b = pruef.pruefbericht;
    const daten = b.bloecke[b.bloecke.length - 1]!;
    const zeilen = b.hoehen.map((h) => h.zeile);
    expect(zeilen).toEqual(expect.arrayContaining(daten.werte.map((_, i) => daten.zeile + i)));
  });
});
