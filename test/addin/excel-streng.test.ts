/**
 * Excel as it really is: the add-in against a fake that refuses what Excel refuses (payload limit,
 * formulas from text, case-insensitive sheet names, protection, filters, rows changed meanwhile,
 * objects gone), and the seam that survives it. Each case is taken from Microsoft's documentation of
 * Excel's behaviour or the office-js issue tracker (see docs/entscheidungen.md).
 */
import { describe, expect, it } from "vitest";
import { finanzplanPruefen, foerderhoechstbetraegeBerechnen, siegelStand } from "../../addin/src/ablauf";
import { ExcelFehler, FakeArbeitsmappe, NUTZLAST_GRENZE } from "../../addin/src/fake/fake-excel";
import { EXCEL_FEHLER, excelFehlerText } from "../../addin/src/gateway/fehler";
import { createGateway } from "../../addin/src/gateway/gateway";
import {
  BERICHT_BREITEN_PT,
  FINANZPLAN,
  MASSNAHMEN,
  freierBlattname,
  zeichenbreite,
  type Zellwert,
} from "../../shared";
import { befundZeile, beispiel, geaenderteEingaben, spalteVon } from "./fake-hilfen";

const jetzt = () => "2026-12-02T13:03:00.000Z";

/** The example with `n` Finanzplan rows, each naming a Maßnahme that does not exist (a finding per row). */
function grosseMappe(n: number, text = ""): FakeArbeitsmappe {
  const m = beispiel();
  const t = m.tabellen.find((x) => x.name === FINANZPLAN.tabelle)!;
  const werte: Record<string, Zellwert> = {
    massnahme_nr: "9.9",
    jahr: 2019,
    personalausgaben: 1000,
    landesmittel: 700,
    eigenmittel_kreis: 300,
  };
  for (let r = 0; r < n; r++)
    FINANZPLAN.spalten.forEach((s, c) => {
      if (!s.ausgabe)
        m.setze(
          "Finanzplan",
          2 + r,
          c + 1,
          s.schluessel === "massnahme_nr" ? `9.${r}${text}` : (werte[s.schluessel] ?? null),
        );
    });
  t.zeilen = n;
  return m;
}

describe("the strict fake refuses what Excel refuses", () => {
  it("a request above 5 MB (UTF-8 JSON) is RequestPayloadSizeLimitExceeded", async () => {
    const m = new FakeArbeitsmappe();
    m.setze("Tabelle1", 1, 1, "x");
    const umlaute = "ä".repeat(1_300_000); // 1,3 million characters, 2,6 MB in UTF-8
    await expect(
      m.api().run({}, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Tabelle1");
        ws.getRange("A1").values = [[umlaute]];
        ws.getRange("A2").values = [[umlaute]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(m.wert("Tabelle1", 1, 1)).toBe("x"); // nothing of the refused batch applied
    expect(2 * 2_600_000).toBeGreaterThan(NUTZLAST_GRENZE);
  });

  it("a response above 5 MB is ResponsePayloadSizeLimitExceeded", async () => {
    const m = new FakeArbeitsmappe();
    for (let z = 1; z <= 3; z++) m.setze("Tabelle1", z, 1, "€".repeat(600_000)); // 1,8 MB each
    await expect(
      m.api().run({}, async (ctx) => {
        ctx.workbook.worksheets.getItem("Tabelle1").getRange("A1:A3").load("values");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("sheet names are compared ignoring case: adding „prüfbericht“ beside „Prüfbericht“ is ItemAlreadyExists", async () => {
    const m = new FakeArbeitsmappe();
    m.setze("Prüfbericht", 1, 1, "mein Bericht");
    await expect(
      m.api().run({}, async (ctx) => {
        ctx.workbook.worksheets.add("prüfbericht");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    // …and found by any letter case.
    const v = await m.api().run({}, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("PRÜFBERICHT").getRange("A1");
      r.load("values");
      await ctx.sync();
      return r.values;
    });
    expect(v).toEqual([["mein Bericht"]]);
  });

  it("getItem of a missing sheet, table, chart or name throws ItemNotFound at sync", async () => {
    const m = beispiel();
    for (const zugriff of [
      (ctx: Parameters<Parameters<ReturnType<FakeArbeitsmappe["api"]>["run"]>[1]>[0]) =>
        ctx.workbook.worksheets.getItem("Gibtsnicht").getRange("A1").load("values"),
      (ctx: Parameters<Parameters<ReturnType<FakeArbeitsmappe["api"]>["run"]>[1]>[0]) =>
        ctx.workbook.tables.getItem("tblGibtsnicht").getDataBodyRange().load("values"),
      (ctx: Parameters<Parameters<ReturnType<FakeArbeitsmappe["api"]>["run"]>[1]>[0]) =>
        ctx.workbook.worksheets.getItem("Maßnahmen").charts.getItem("LSZ Finanzplan").delete(),
      (ctx: Parameters<Parameters<ReturnType<FakeArbeitsmappe["api"]>["run"]>[1]>[0]) =>
        ctx.workbook.names.getItem("LSZ_Blatt_Pruefbericht").delete(),
    ]) {
      await expect(
        m.api().run({}, async (ctx) => {
          zugriff(ctx);
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: "ItemNotFound" });
    }
  });

  it("names of tables and sheets are readable only after load and sync", async () => {
    const m = beispiel();
    await m.api().run({}, async (ctx) => {
      const t = ctx.workbook.tables.getItem(FINANZPLAN.tabelle);
      expect(() => t.name).toThrow(/load\(\) und sync\(\)/);
      expect(() => ctx.workbook.worksheets.getItem("Finanzplan").name).toThrow(/load\(\) und sync\(\)/);
      t.load("name");
      await ctx.sync();
      expect(t.name).toBe(FINANZPLAN.tabelle);
    });
  });

  it("text written through values is parsed en-US unless the cell is formatted as text (office-js#1559, #229)", async () => {
    const m = beispiel();
    await m.api().run({}, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Parameter");
      ws.getRange("H1:K1").values = [["16051", "1,234.5", "70%", "2018-12-31"]];
      ws.getRange("H2:I2").numberFormat = [["@", "@"]];
      ws.getRange("H2:I2").values = [["16051", "1.10"]];
      await ctx.sync();
    });
    expect(m.werteIn("Parameter", "H1:K1")).toEqual([[16051, 1234.5, 0.7, 43465]]);
    expect(m.werteIn("Parameter", "H2:I2")).toEqual([["16051", "1.10"]]);
  });

  it("writes into locked cells of a protected sheet are AccessDenied; unlocked input cells stay writable", async () => {
    const m = beispiel();
    m.schuetze("Finanzplan");
    m.entsperre("Finanzplan", "A2:A100");
    await m.api().run({}, async (ctx) => {
      ctx.workbook.worksheets.getItem("Finanzplan").getRange("A2").values = [["1.2"]];
      await ctx.sync();
    });
    // Written (and parsed en-US, as Excel parses `values` in every locale: office-js#1559): 1.2.
    expect(m.wert("Finanzplan", 2, 1)).toBe(1.2);
    await expect(
      m.api().run({}, async (ctx) => {
        ctx.workbook.worksheets.getItem("Finanzplan").getRange("B2").values = [[1]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("values written over a filtered table land in the wrong rows, as Excel does it (office-js#224)", async () => {
    const m = beispiel();
    const t = m.tabellen.find((x) => x.name === FINANZPLAN.tabelle)!;
    t.gefiltert = true;
    t.verborgen = new Set([3]); // the filter hides sheet row 3
    const p = spalteVon(m, "Finanzplan", "Prüfung").spalte;
    const sp = String.fromCharCode(64 + p);
    await m.api().run({}, async (ctx) => {
      ctx.workbook.worksheets.getItem("Finanzplan").getRange(`${sp}2:${sp}4`).values = [["a"], ["b"], ["c"]];
      await ctx.sync();
    });
    // No error: „a“ in row 2, „b“ in row 4 (meant for row 3), „c“ lost.
    expect([2, 3, 4].map((z) => m.wert("Finanzplan", z, p))).toEqual(["a", "", "b"]);
  });

  it("the add-in never writes into a filtered table: its look refuses first, in German", async () => {
    const m = beispiel();
    m.tabellen.find((x) => x.name === FINANZPLAN.tabelle)!.gefiltert = true;
    const vorher = m.abbild();
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null });
    expect(e.art === "fehler" && e.meldungen.join(" ")).toMatch(/Filter.*Finanzplan/);
    expect(m.abbild()).toEqual(vorher);
  });

  it("commands run in queue order: a load after a write sees the write", async () => {
    const m = new FakeArbeitsmappe();
    m.setze("Tabelle1", 1, 1, "alt");
    const v = await m.api().run({}, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Tabelle1").getRange("A1");
      r.load("values");
      ctx.workbook.worksheets.getItem("Tabelle1").getRange("A1").values = [["neu"]];
      const danach = ctx.workbook.worksheets.getItem("Tabelle1").getRange("A1");
      danach.load("values");
      await ctx.sync();
      return [r.values[0]![0], danach.values[0]![0]];
    });
    expect(v).toEqual(["alt", "neu"]);
  });
});

describe("any size on every host", () => {
  it("20.000 rows with a finding on every row: no request or response above 4 MB, inputs unchanged, second run identical", async () => {
    const m = grosseMappe(20_000);
    const vorher = m.abbild();
    const g = createGateway(m.api());
    const teile: string[] = [];
    const e = await finanzplanPruefen({
      gateway: g,
      dienst: null,
      jetzt,
      fortschritt: (s, n) => n !== undefined && teile.push(`${s} ${n}`),
    });
    expect(e.art).toBe("ok");
    if (e.art !== "ok") return;
    expect(e.anzahl.fehler).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...m.anfragen)).toBeLessThan(4_000_000);
    expect(Math.max(...m.antworten)).toBeLessThan(4_000_000);
    expect(geaenderteEingaben(m, vorher, m.abbild())).toEqual([]);
    // Every row got its status (the last one too), and the progress named the chunks.
    const status = spalteVon(m, "Finanzplan", "Prüfung");
    expect(m.wert("Finanzplan", 20_001, status.spalte)).toBe("✖ Fehler");
    expect(teile.some((t) => t.startsWith("lesen"))).toBe(true);
    const erste = m.abbild();
    await finanzplanPruefen({ gateway: g, dienst: null, jetzt });
    expect(m.abbild()).toEqual(erste);
    expect(await siegelStand(g)).toMatchObject({ art: "nicht_signiert" }); // checked here: unchanged, unsigned
  }, 120_000);

  it("long texts: rows read in chunks sized by what they measure, halved where later rows are longer", async () => {
    const m = beispiel();
    const t = m.tabellen.find((x) => x.name === MASSNAHMEN.tabelle)!;
    const titel = spalteVon(m, "Maßnahmen", "Titel");
    const notiz = t.spalte + t.spalten; // a column of the user's own, right of the layout's
    m.setze("Maßnahmen", t.zeile, notiz, "Notizen");
    t.spalten++;
    const basis = m.werteIn("Maßnahmen", `A2:Z${1 + t.zeilen}`);
    const lang = "Beratung für Familien im ländlichen Raum – ".repeat(11); // ≈ 480 characters
    for (let r = 0; r < 6_000; r++) {
      basis[r % basis.length]!.slice(0, notiz - 1).forEach((v, c) => m.setze("Maßnahmen", 2 + r, 1 + c, v));
      m.setze("Maßnahmen", 2 + r, titel.spalte, `${lang}${r}`.slice(-480));
      // The first 2.000 rows have short notes, the rest pages of them: the rate measured first is wrong.
      m.setze("Maßnahmen", 2 + r, notiz, r < 2_000 ? "ok" : "Rückfrage beim Träger. ".repeat(200));
    }
    t.zeilen = 6_000;
    const vorher = m.abbild();
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null, jetzt });
    expect(e.art === "fehler" ? e.meldungen : e.art).toBe("ok");
    // Excel refused the chunk sized by the short rows once; the same rows went again in smaller chunks.
    const abgelehnt = m.antworten.filter((a) => a > NUTZLAST_GRENZE);
    expect(abgelehnt.length).toBeGreaterThanOrEqual(1);
    expect(abgelehnt.length).toBeLessThanOrEqual(3);
    expect(Math.max(...m.anfragen)).toBeLessThan(4_000_000);
    expect(m.antworten.reduce((a, b) => a + b, 0)).toBeGreaterThan(3 * NUTZLAST_GRENZE);
    expect(geaenderteEingaben(m, vorher, m.abbild())).toEqual([]);
  }, 60_000);
});

describe("never a formula from user text", () => {
  it("a Maßnahme titled „=SUMME(A1)“ and a Träger „@Stadt“ stay text in the Prüfbericht", async () => {
    const m = beispiel();
    const titel = spalteVon(m, "Maßnahmen", "Art");
    m.setze("Maßnahmen", 6, titel.spalte, "=SUMME(A1)");
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null, jetzt });
    expect(e.art).toBe("ok");
    const meldungen = [...(m.blaetter.get("Prüfbericht") ?? new Map()).values()].map((z) => String(z.wert));
    expect(meldungen.some((x) => x.includes("=SUMME(A1)"))).toBe(true);
    for (const [, z] of m.blaetter.get("Prüfbericht") ?? new Map())
      if (z.formel) expect(z.formel).toMatch(/^=HYPERLINK\(/);
  });
});

describe("sheets the add-in owns, and only those", () => {
  it("a user sheet „prüfbericht“ survives a check untouched; the report goes to a free name, said in the result", async () => {
    const m = beispiel();
    m.setze("prüfbericht", 1, 1, "Meine Notizen zur Prüfung");
    m.setze("prüfbericht", 2, 3, 42);
    const eigenes = structuredClone(m.abbild()["prüfbericht"]);
    const g = createGateway(m.api());
    const e = await finanzplanPruefen({ gateway: g, dienst: null, jetzt });
    expect(e.art).toBe("ok");
    if (e.art !== "ok") return;
    expect(m.abbild()["prüfbericht"]).toEqual(eigenes);
    expect(m.wert("Prüfbericht (2)", befundZeile(m, 1, "Prüfbericht (2)"), 2)).toBe("M01");
    expect(e.hinweise).toContain(
      "Das Blatt „prüfbericht“ gehört nicht zum Add-in und blieb unberührt; die Ausgabe steht auf dem neuen Blatt „Prüfbericht (2)“.",
    );
    // The second run finds its own sheet by the mark: no third sheet, the user's still untouched.
    await finanzplanPruefen({ gateway: g, dienst: null, jetzt });
    expect([...m.blaetter.keys()].filter((b) => b.toLowerCase().startsWith("prüfbericht"))).toEqual([
      "prüfbericht",
      "Prüfbericht (2)",
    ]);
    expect(m.abbild()["prüfbericht"]).toEqual(eigenes);
    expect(await siegelStand(g)).toMatchObject({ art: "nicht_signiert" }); // checked here: unchanged, unsigned
  });

  it("the add-in's sheet renamed by the user is found again by its mark", async () => {
    const m = beispiel();
    const g = createGateway(m.api());
    await finanzplanPruefen({ gateway: g, dienst: null, jetzt });
    m.benenneUm("Prüfbericht", "Prüfung 2019");
    await finanzplanPruefen({ gateway: g, dienst: null, jetzt });
    expect(m.blattName("Prüfbericht")).toBeUndefined();
    expect(m.wert("Prüfung 2019", befundZeile(m, 1, "Prüfung 2019"), 2)).toBe("M01");
    expect(await siegelStand(g)).toMatchObject({ art: "nicht_signiert" }); // checked here: unchanged, unsigned
  });

  it("a Prüfbericht written before the marks existed (our header row) is taken over, not duplicated", async () => {
    const m = beispiel();
    ["Schwere", "Regel", "Meldung", "Blatt", "Zelle", "Regelwerk"].forEach((k, i) =>
      m.setze("Prüfbericht", 1, 1 + i, k),
    );
    m.setze("Prüfbericht", 2, 3, "alter Befund");
    await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null, jetzt });
    expect(m.blattName("Prüfbericht (2)")).toBeUndefined();
    expect(m.wert("Prüfbericht", 2, 3)).not.toBe("alter Befund");
    expect(m.wert("Prüfbericht", 1, 1)).toBe("Prüfbericht LSZ-Finanzplan");
    expect(m.name("LSZ_Blatt_Pruefbericht")?.blatt).toBe("Prüfbericht");
  });

  it("a free name is case-insensitive and at most 31 characters", () => {
    expect(freierBlattname("Prüfbericht", ["PRÜFBERICHT", "prüfbericht (2)"])).toBe("Prüfbericht (3)");
    expect(freierBlattname("Finanzplan-Übersicht", [])).toBe("Finanzplan-Übersicht");
    expect(freierBlattname("x".repeat(31), ["x".repeat(31)])).toHaveLength(31);
  });

  it("widths are set in points, from the table the CLI converts to characters", async () => {
    const m = beispiel();
    await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null, jetzt });
    // Meldung: long German sentences need ~90 characters ≈ 480 pt; 90 (characters taken as points) is 16.
    expect(m.spaltenbreite("Prüfbericht", "C")).toBe(BERICHT_BREITEN_PT[2]);
    expect(m.spaltenbreite("Prüfbericht", "C")).toBeGreaterThan(300);
    expect(m.spaltenbreite("Prüfbericht", "B")).toBeGreaterThanOrEqual(40);
    expect(zeichenbreite(480)).toBeCloseTo(90.71, 1);
    expect(zeichenbreite(80)).toBeCloseTo(14.52, 1);
  });
});

describe("check before writing; all or nothing", () => {
  it("a filter on the Finanzplan: nothing written, the pane says to lift it", async () => {
    const m = beispiel();
    m.tabellen.find((t) => t.name === FINANZPLAN.tabelle)!.gefiltert = true;
    const vorher = m.abbild();
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null, jetzt });
    expect(e).toMatchObject({ art: "fehler", aktion: "pruefen", grund: "schreiben" });
    if (e.art !== "fehler") return;
    expect(e.meldungen.join(" ")).toContain("Filter in der Tabelle Finanzplan aufheben");
    expect(m.abbild()).toEqual(vorher);
    expect(m.schreibvorgaenge).toEqual([]);
  });

  it("rows inserted while the worker computes: nothing written, the pane says to check again", async () => {
    const m = beispiel();
    const t = m.tabellen.find((x) => x.name === FINANZPLAN.tabelle)!;
    m.vorLauf = (nr) => {
      if (nr !== 1) return;
      // The user sorts the Finanzplan by year, descending: same rows, other order.
      const zeilen = m.werteIn("Finanzplan", `A2:Z${1 + t.zeilen}`).reverse();
      zeilen.forEach((z, r) => z.forEach((v, c) => m.setze("Finanzplan", 2 + r, 1 + c, v)));
    };
    const vorher = structuredClone(m.abbild()["Prüfbericht"]);
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null, jetzt });
    expect(e).toMatchObject({ art: "fehler", grund: "schreiben" });
    if (e.art !== "fehler") return;
    expect(e.meldungen[0]).toContain("Die Tabelle Finanzplan wurde während der Prüfung geändert");
    expect(m.abbild()["Prüfbericht"]).toEqual(vorher);
    expect(m.schreibvorgaenge).toEqual([]);
  });

  it("a protected sheet without password: protection lifted for the write and restored with its options", async () => {
    const m = beispiel();
    m.schuetze("Finanzplan", null, { allowAutoFilter: true });
    m.entsperre("Finanzplan", "A2:P200"); // input cells unlocked, the grey columns locked
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null, jetzt });
    expect(e.art).toBe("ok");
    const status = spalteVon(m, "Finanzplan", "Prüfung");
    expect(m.wert("Finanzplan", 2, status.spalte)).toBe("✓ in Ordnung");
    expect(m.schutz.get("Finanzplan")).toEqual({ passwort: null, optionen: { allowAutoFilter: true } });
  });

  it("a sheet protected with a password: nothing written, a German sentence, the protection stays", async () => {
    const m = beispiel();
    m.schuetze("Finanzplan", "geheim");
    const vorher = m.abbild();
    const gateway = createGateway(m.api());
    const fehler = await finanzplanPruefen({ gateway, dienst: null, jetzt }).catch((e: unknown) => e);
    expect(fehler).toMatchObject({ code: "BadPassword" });
    expect(excelFehlerText(fehler).text).toContain("mit Kennwort geschützt");
    expect(m.abbild()).toEqual(vorher);
    expect(m.schutz.get("Finanzplan")?.passwort).toBe("geheim");
  });

  it("a write interrupted before the seal never leaves a valid seal beside new statuses", async () => {
    const m = beispiel();
    const g = createGateway(m.api());
    await finanzplanPruefen({ gateway: g, dienst: null, jetzt });
    expect(await siegelStand(g)).toMatchObject({ art: "nicht_signiert" }); // checked here: unchanged, unsigned
    // The user fixes the missing Art; the next check's write fails at the seal (commands before it applied).
    m.setze("Maßnahmen", 6, spalteVon(m, "Maßnahmen", "Art").spalte, "neu");
    m.schreibStoerung = (blatt, adresse) =>
      blatt === "LSZ-Siegel" && adresse.startsWith("A1:B")
        ? new ExcelFehler("GeneralException", "internal error")
        : null;
    await expect(finanzplanPruefen({ gateway: g, dienst: null, jetzt })).rejects.toMatchObject({
      code: "GeneralException",
    });
    m.schreibStoerung = null;
    expect(m.wert("Maßnahmen", 6, spalteVon(m, "Maßnahmen", "Prüfung").spalte)).toBe("✓ in Ordnung");
    expect(await siegelStand(g)).toEqual({ art: "kein_siegel" });
  });

  it("a chart the user deleted between two runs is added again, not fetched by its old name", async () => {
    const m = beispiel();
    const g = createGateway(m.api());
    await foerderhoechstbetraegeBerechnen({ gateway: g, dienst: null });
    m.diagramme.set("Förderhöchstbeträge", []);
    const e = await foerderhoechstbetraegeBerechnen({ gateway: g, dienst: null });
    expect(e.art).toBe("ok");
    expect(m.diagramme.get("Förderhöchstbeträge")?.length).toBeGreaterThan(0);
  });

  it("selecting a finding's cell on a deleted sheet rejects with ItemNotFound, which the pane says in German", async () => {
    const m = beispiel();
    m.loescheBlatt("Maßnahmen");
    const fehler = await createGateway(m.api())
      .waehleZelle("Maßnahmen", "D6")
      .catch((e: unknown) => e);
    expect(fehler).toMatchObject({ code: "ItemNotFound" });
    expect(excelFehlerText(fehler).text).toMatch(/umbenannt oder gelöscht/);
  });
});

describe("Excel's errors in German", () => {
  it("every code the seam can meet has a German sentence with what to do; the raw text only in the details", () => {
    for (const code of [
      "ItemNotFound",
      "InvalidArgument",
      "InvalidOperation",
      "AccessDenied",
      "RequestPayloadSizeLimitExceeded",
      "ResponsePayloadSizeLimitExceeded",
      "GeneralException",
      "ItemAlreadyExists",
      "FilteredRangeConflict",
      "InvalidOperationInCellEditMode",
      "BadPassword",
      "ApiNotFound",
    ]) {
      const t = excelFehlerText(new ExcelFehler(code, "The operation attempted is invalid on the object."));
      expect(t.text, code).toBe(EXCEL_FEHLER[code]);
      expect(t.text, code).not.toMatch(/\b(the|is|invalid|operation)\b/i);
      expect(t.details).toBe(`${code}: The operation attempted is invalid on the object.`);
    }
    expect(excelFehlerText(new Error("boom")).text).toMatch(/^Ein unerwarteter Fehler/);
  });
});
