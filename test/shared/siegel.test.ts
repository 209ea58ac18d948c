/**
 * The Prüfsiegel: canonical, independent of column order and formats; a changed cell changes it and is
 * named; a seal from an older rule set version is outdated.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  FINANZPLAN,
  erstelleSiegel,
  ordneTabelle,
  pruefAnfrage,
  pruefe,
  pruefeSiegel,
  siegelAusZellen,
  siegelZellen,
  sha256,
  SIEGEL_FELDER,
  SIEGEL_FORMAT,
  validationRequestSchema,
  type Arbeitsmappe,
  type TabellenDaten,
} from "../../shared";
import { beispiel } from "../addin/fake-hilfen";
import { createGateway } from "../../addin/src/gateway/gateway";

async function beispielMappe(): Promise<Arbeitsmappe> {
  return (await createGateway(beispiel().api()).leseTabellen()).mappe;
}

async function siegelVon(mappe: Arbeitsmappe) {
  const a = pruefAnfrage(mappe);
  if (!a.ok) throw new Error(a.meldungen.join("; "));
  const anfrage = validationRequestSchema.parse(a.anfrage);
  return { anfrage, siegel: await erstelleSiegel(anfrage, pruefe(anfrage), "2026-11-22T10:00:00.000Z") };
}

/** The same table with its columns in another order (and a user's extra column). */
function umgestellt(t: TabellenDaten): TabellenDaten {
  const reihenfolge = t.kopf.map((_, i) => i).reverse();
  return {
    ...t,
    kopf: [...reihenfolge.map((i) => t.kopf[i]!), "Notiz"],
    werte: t.werte.map((z) => [...reihenfolge.map((i) => z[i] ?? null), "x"]),
  };
}

describe("Prüfsiegel", () => {
  it("each seal format covers exactly its fields: a field added to a row schema needs a new SIEGEL_FORMAT", () => {
    // What „LSZ-Siegel-2“ covers, written down once. A new field in massnahmeSchema or finanzplanSchema
    // changes SIEGEL_FELDER and fails here until SIEGEL_FORMAT is raised and its fields entered below.
    const FELDER_JE_FORMAT: Record<string, { massnahmen: string; finanzplan: string }> = {
      "LSZ-Siegel-2": {
        massnahmen:
          "nr,titel,handlungsfeld,art,bestandsschutz_kategorie,landeszuwendung_2017,traeger,traegerart,gemeinnuetzig,sozialraum,beginn,ende",
        finanzplan:
          "massnahme_nr,jahr,personalausgaben,sachausgaben,verwaltungsausgaben,honorarausgaben,investitionen,drittmittel,eigenmittel_kreis,anteil_gemeinden,landesmittel,gesamtausgaben,bemessungsgrundlage",
      },
    };
    expect(FELDER_JE_FORMAT[SIEGEL_FORMAT], `Felder von ${SIEGEL_FORMAT}`).toEqual({
      massnahmen: SIEGEL_FELDER.massnahmen.join(","),
      finanzplan: SIEGEL_FELDER.finanzplan.join(","),
    });
  });

  it("SHA-256 through Web Crypto equals node:crypto, also for umlauts and emoji", async () => {
    for (const t of ["", "abc", "Maßnahme 3.1: Pflichtfeld Art ist leer.", "€ 1.234,56 – ✓ 🧾"]) {
      expect(await sha256(t)).toBe(createHash("sha256").update(t, "utf8").digest("hex"));
    }
  });

  it("does not depend on column order or on how numbers are formatted", async () => {
    const mappe = await beispielMappe();
    const a = await siegelVon(mappe);
    const fp = mappe.finanzplan!;
    const lm = fp.kopf.indexOf("Landesmittel");
    const alsText: TabellenDaten = {
      ...fp,
      werte: fp.werte.map((z) =>
        z.map((v, i) =>
          i === lm && typeof v === "number"
            ? `${v.toLocaleString("de-DE", { minimumFractionDigits: 2 })} €`
            : v,
        ),
      ),
    };
    const b = await siegelVon({
      ...mappe,
      finanzplan: umgestellt(alsText),
      massnahmen: umgestellt(mappe.massnahmen!),
    });
    expect(b.siegel.hash).toBe(a.siegel.hash);
    expect(b.siegel.finanzplan).toEqual(a.siegel.finanzplan);
    expect(a.siegel.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.siegel.massnahmen).toHaveLength(15);
  });

  it("changing one cell changes the seal, and the verifier names that row", async () => {
    const mappe = await beispielMappe();
    const { siegel } = await siegelVon(mappe);
    const fp = mappe.finanzplan!;
    const lm = fp.kopf.indexOf("Landesmittel");
    const geaendert: Arbeitsmappe = {
      ...mappe,
      finanzplan: {
        ...fp,
        werte: fp.werte.map((z, r) => (r === 2 ? z.map((v, i) => (i === lm ? 9001 : v)) : z)),
      },
    };
    const neu = await siegelVon(geaendert);
    expect(neu.siegel.hash).not.toBe(siegel.hash);
    const urteil = await pruefeSiegel(siegel, neu.anfrage);
    expect(urteil).toMatchObject({ art: "geaendert", parameter: false, massnahmen: [], finanzplan: [3] });
    expect(await pruefeSiegel(siegel, (await siegelVon(mappe)).anfrage)).toMatchObject({ art: "gueltig" });
    // Emptying a cell is a change too: empty cells are explicit.
    const leer: Arbeitsmappe = {
      ...mappe,
      finanzplan: {
        ...fp,
        werte: fp.werte.map((z, r) =>
          r === 0 ? z.map((v, i) => (i === fp.kopf.indexOf("Sachausgaben") ? null : v)) : z,
        ),
      },
    };
    expect((await siegelVon(leer)).siegel.hash).not.toBe(siegel.hash);
    expect(ordneTabelle(fp, FINANZPLAN).zeilen[0]!["sachausgaben"]).toBe(0);
  });

  it("a seal from an older rule set version is reported as outdated", async () => {
    const { anfrage } = await siegelVon(await beispielMappe());
    const alt = await erstelleSiegel(
      anfrage,
      { regelwerk: "LSZ-2019", regelwerk_version: "2019.0", befunde: [] },
      "2025-11-10T08:00:00.000Z",
    );
    expect(await pruefeSiegel(alt, anfrage)).toMatchObject({
      art: "veraltet",
      aktuelle_version: "LSZ-2019 (2019.1)",
    });
  });

  it("survives the trip through cells, also when it is larger than one cell holds", async () => {
    const { anfrage, siegel } = await siegelVon(await beispielMappe());
    expect(siegelAusZellen(siegelZellen(siegel))).toEqual(siegel);
    const gross = {
      ...siegel,
      finanzplan: Array.from({ length: 5000 }, (_, i) => i.toString(16).padStart(16, "0")),
    };
    const zellen = siegelZellen(gross);
    expect(zellen.every(([, v]) => v.length <= 32_767)).toBe(true);
    expect(siegelAusZellen(zellen)).toEqual(gross);
    expect(siegelAusZellen([["etwas anderes", ""]])).toEqual({ art: "kein_siegel" });
    expect(
      siegelAusZellen([
        ["Prüfsiegel", SIEGEL_FORMAT],
        ["Siegeldaten", "{kaputt"],
      ]),
    ).toEqual({ art: "unlesbar", grund: "Siegeldaten beschädigt" });
    void anfrage;
  });

  it("the canonical form is injective: „a|5:b“ in one reason is not two reasons", async () => {
    const { anfrage } = await siegelVon(await beispielMappe());
    const ergebnis = pruefe(anfrage);
    const mit = (h: { handlungsfeld: number; begruendung: string }[]) =>
      erstelleSiegel({ ...anfrage, handlungsfelder_ohne_massnahme: h }, ergebnis, "2026-11-22T10:00:00.000Z");
    const eins = await mit([{ handlungsfeld: 1, begruendung: "a|5:b" }]);
    const zwei = await mit([
      { handlungsfeld: 1, begruendung: "a" },
      { handlungsfeld: 5, begruendung: "b" },
    ]);
    expect(eins.hash).not.toBe(zwei.hash);
    expect(eins.parameter).not.toBe(zwei.parameter);
  });

  it("the hash covers what the seal states: counts, time and rule set", async () => {
    const { anfrage, siegel } = await siegelVon(await beispielMappe());
    const ergebnis = pruefe(anfrage);
    const zeit = siegel.zeit;
    const ohneBefunde = await erstelleSiegel(
      anfrage,
      { ...ergebnis, anzahl: { fehler: 0, warnung: 0, hinweis: 0 } },
      zeit,
    );
    expect(ohneBefunde.hash).not.toBe(siegel.hash);
    expect((await erstelleSiegel(anfrage, ergebnis, "2019-01-01T00:00:00.000Z")).hash).not.toBe(siegel.hash);
    // Stating other counts in an existing seal is found out: the parts match, the hash does not.
    expect(
      await pruefeSiegel({ ...siegel, anzahl: { fehler: 0, warnung: 0, hinweis: 0 } }, anfrage),
    ).toMatchObject({
      art: "verfaelscht",
    });
    expect(await pruefeSiegel({ ...siegel, zeit: "2019-01-01T00:00:00.000Z" }, anfrage)).toMatchObject({
      art: "verfaelscht",
    });
  });

  it("the readable line shows the time in German local time, not ISO UTC", async () => {
    const { siegel } = await siegelVon(await beispielMappe());
    const zeile = siegelZellen({ ...siegel, zeit: "2026-12-02T13:03:00.000Z" }).find(
      ([l]) => l === "geprüft am",
    )!;
    expect(zeile[1]).toBe("02.12.2026, 14:03 Uhr");
    const sommer = siegelZellen({ ...siegel, zeit: "2026-07-01T08:00:00.000Z" }).find(
      ([l]) => l === "geprüft am",
    )!;
    expect(sommer[1]).toBe("01.07.2026, 10:00 Uhr");
  });
});
