/**
 * The live seal (issue 26, point 4; point 3's rest): cheap and never wrong, on the strict fake Excel.
 * The fake delivers onChanged as Excel does (Excel.TableChangedEventArgs, ExcelApi 1.7: `address` of
 * the changed area, `changeType`, `source` "Local" or "Remote" for a co-author's session), and
 * refuses a batch without `delayForCellEdit` while the user edits a cell (Excel.RunOptions:
 * "When false, if the user is in cell edit … the batch automatically fails"). Timers are vitest's
 * fake timers: no test waits for real time.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { finanzplanPruefen, siegelStand } from "../../addin/src/ablauf";
import { ExcelFehler, type FakeArbeitsmappe } from "../../addin/src/fake/fake-excel";
import { createGateway, type WorkbookGateway } from "../../addin/src/gateway/gateway";
import {
  LiveSiegel,
  WARTEN_LOKAL_MS,
  type LiveStand,
  type Sichtbarkeit,
} from "../../addin/src/hooks/live-siegel";
import { FINANZPLAN, siegelText, type SiegelUrteil } from "../../shared";
import { beispiel } from "./fake-hilfen";

const LM = FINANZPLAN.spalten.findIndex((s) => s.kopf === "Landesmittel") + 1; // K
const jetzt = () => "2026-12-02T13:03:00.000Z";

function sichtbarkeit(anfangs = true): Sichtbarkeit & { setze(v: boolean): void } {
  let s = anfangs;
  const hoerer = new Set<() => void>();
  return {
    sichtbar: () => s,
    beiWechsel(f) {
      hoerer.add(f);
      return () => hoerer.delete(f);
    },
    setze(v) {
      s = v;
      hoerer.forEach((f) => f());
    },
  };
}

/** A gateway that counts its reads and can hold them (a read "in flight"). */
function zaehlend(g: WorkbookGateway) {
  const z = { voll: 0, teil: 0, gleichzeitig: 0, hoechstens: 0, halten: null as Promise<void> | null };
  const rein = async () => {
    z.gleichzeitig++;
    z.hoechstens = Math.max(z.hoechstens, z.gleichzeitig);
    if (z.halten) await z.halten;
  };
  const gateway: WorkbookGateway = {
    ...g,
    async leseTabellen(t) {
      z.voll++;
      await rein();
      try {
        return await g.leseTabellen(t);
      } finally {
        z.gleichzeitig--;
      }
    },
    async leseZeilen(v, w) {
      z.teil++;
      await rein();
      try {
        return await g.leseZeilen(v, w);
      } finally {
        z.gleichzeitig--;
      }
    },
  };
  return { gateway, z };
}

async function geprueft(m: FakeArbeitsmappe) {
  const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null, jetzt });
  if (e.art !== "ok") throw new Error("Prüfung fehlgeschlagen");
  return e;
}

function live(m: FakeArbeitsmappe, sicht = sichtbarkeit(), g: WorkbookGateway = createGateway(m.api())) {
  const staende: LiveStand[] = [];
  const l = new LiveSiegel(g, null, (s) => staende.push(s), sicht);
  return { l, staende, letzter: () => staende.at(-1)!, sicht };
}

/**
 * Lets the fake timers run `ms` and every read they start finish (the seal's hashes use Web Crypto,
 * which settles outside the fake timers). A timer set during a tick runs 1 ms later at the earliest.
 */
async function weiter(l: LiveSiegel, ms = 0) {
  await vi.advanceTimersByTimeAsync(ms);
  for (let i = 0; i < 4; i++) {
    await l.ruhig();
    await vi.advanceTimersByTimeAsync(1);
  }
}

const orte = (u: SiegelUrteil | null) => (u?.art === "verfaelscht" ? u.aenderungen.map((a) => a.ort) : []);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the live seal reads only what changed", () => {
  it("one edited cell: its row is read again in 1 sync, and the verdict is the full read's", async () => {
    const m = beispiel();
    await geprueft(m);
    const { l, letzter } = live(m);
    await l.start();
    await weiter(l);
    expect(letzter().siegel?.art).toBe("nicht_signiert");
    const vorher = { syncs: m.syncs, bytes: m.uebertragen };
    await m.nutzerAendert("Finanzplan", 6, LM, 12345);
    await weiter(l, WARTEN_LOKAL_MS);
    expect(m.syncs - vorher.syncs).toBe(1);
    expect(m.uebertragen - vorher.bytes).toBeLessThan(5_000);
    expect(orte(letzter().siegel)).toEqual(["Finanzplan!K6"]);
    // Said neutrally in the officer's own pane.
    expect(siegelText(letzter().siegel!, "kreis")).toMatch(
      /^Finanzplan!K6 seit der Prüfung geändert – bitte neu prüfen/,
    );
    // Never wrong: the same verdict as reading the whole workbook.
    expect(letzter().siegel).toEqual(await siegelStand(createGateway(m.api())));
    l.stop();
  });

  it("a formula now showing an error of another display language: the row read again knows it as the full read does", async () => {
    // Excel returns an error cell's text in `values` and says "Error" in `valueTypes` (Microsoft,
    // Excel JavaScript API, RangeValueType.error); a text the core does not know as an error value
    // (here a #-word of another display language) is asked for its value type — by the row read
    // again as by the full read, or the live verdict would differ from reading the whole workbook.
    const m = beispiel();
    await geprueft(m);
    const { l, letzter } = live(m);
    await l.start();
    await weiter(l);
    m.setzeFehler("Finanzplan", 6, LM, "#besetzt", "=Quelle!B6");
    await m.meldeAenderung("Finanzplan", 6, LM);
    await weiter(l, WARTEN_LOKAL_MS);
    expect(orte(letzter().siegel)).toEqual(["Finanzplan!K6"]);
    expect(letzter().siegel).toEqual(await siegelStand(createGateway(m.api())));
    l.stop();
  });

  it("the first read waits until the watch is registered, even if the pane is shown meanwhile", async () => {
    const m = beispiel();
    const { gateway, z } = zaehlend(createGateway(m.api()));
    let anmelden = () => {};
    const gehalten = new Promise<void>((ok) => (anmelden = ok));
    const spaet: WorkbookGateway = {
      ...gateway,
      beobachte: async (f) => {
        await gehalten;
        return gateway.beobachte(f);
      },
    };
    const sicht = sichtbarkeit();
    const { l } = live(m, sicht, spaet);
    const start = l.start();
    sicht.setze(false);
    sicht.setze(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(z.voll).toBe(0);
    anmelden();
    await start;
    await weiter(l);
    expect(z.voll).toBe(1);
    l.stop();
  });

  it("a table whose shape changed since the last read is read whole, nothing guessed", async () => {
    const m = beispiel();
    const g = createGateway(m.api());
    const lesung = await g.leseTabellen();
    const t = m.tabellen.find((x) => x.name === FINANZPLAN.tabelle)!;
    t.zeilen += 1; // a row added at the table's end (Excel grows the table)
    expect(await g.leseZeilen(lesung, [{ tabelle: "finanzplan", von: 6, bis: 6 }])).toMatchObject({
      art: "neu_lesen",
    });
  });

  it("a row inserted (RowInserted) is read whole: the verdict is never built on rows that moved", async () => {
    const m = beispiel();
    await geprueft(m);
    const { gateway, z } = zaehlend(createGateway(m.api()));
    const { l, letzter } = live(m, sichtbarkeit(), gateway);
    await l.start();
    await weiter(l);
    await m.nutzerFuegtZeileEin("Finanzplan", 6);
    await m.nutzerAendert("Finanzplan", 6, 1, "9.9");
    await weiter(l, WARTEN_LOKAL_MS);
    expect(z.voll).toBe(2);
    expect(letzter().siegel?.art).toBe("verfaelscht");
    expect(letzter().siegel).toEqual(await siegelStand(createGateway(m.api())));
    l.stop();
  });

  it("the add-in's own writes into the grey columns are not the user's edits: nothing read, nothing stale", async () => {
    const m = beispiel();
    const { l, letzter } = live(m);
    await l.start();
    await weiter(l);
    l.aktionBeginnt();
    const e = await geprueft(m);
    l.aktionEndet(e.siegel);
    const nach = m.syncs;
    await weiter(l, 5_000);
    expect(letzter().waehrendAktion).toEqual([]);
    expect(letzter().siegel).toBe(e.siegel);
    expect(m.syncs).toBe(nach); // the seal written is known: no read after the check
    // And the copy kept is right: an edit afterwards is judged against the new seal.
    await m.nutzerAendert("Finanzplan", 4, LM, 1);
    await weiter(l, WARTEN_LOKAL_MS);
    expect(orte(letzter().siegel)).toEqual(["Finanzplan!K4"]);
    l.stop();
  });
});

describe("one read at a time", () => {
  it("a newer change waits for the running read and is read after it, once", async () => {
    const m = beispiel();
    await geprueft(m);
    const { gateway, z } = zaehlend(createGateway(m.api()));
    const { l, letzter } = live(m, sichtbarkeit(), gateway);
    await l.start();
    await weiter(l);
    let loslassen = () => {};
    z.halten = new Promise((ok) => (loslassen = ok));
    await m.nutzerAendert("Finanzplan", 6, LM, 12345);
    await vi.advanceTimersByTimeAsync(WARTEN_LOKAL_MS); // read 1 starts and is held
    await m.nutzerAendert("Finanzplan", 7, LM, 54321);
    await m.nutzerAendert("Finanzplan", 8, LM, 777);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(z.teil).toBe(1); // the newer changes wait
    z.halten = null;
    loslassen();
    await weiter(l, 10);
    expect(z.hoechstens).toBe(1);
    expect(z.teil).toBe(2); // both newer changes in one read
    expect(z.voll).toBe(1);
    expect(orte(letzter().siegel).sort()).toEqual(["Finanzplan!K6", "Finanzplan!K7", "Finanzplan!K8"]);
    l.stop();
  });

  it("a read begun before a check's result is never shown over it", async () => {
    const m = beispiel();
    await geprueft(m);
    const { gateway, z } = zaehlend(createGateway(m.api()));
    const { l, staende } = live(m, sichtbarkeit(), gateway);
    await l.start();
    await weiter(l);
    let loslassen = () => {};
    z.halten = new Promise((ok) => (loslassen = ok));
    await m.nutzerAendert("Finanzplan", 6, LM, 12345);
    await vi.advanceTimersByTimeAsync(WARTEN_LOKAL_MS); // the old read is in flight
    l.aktionBeginnt();
    const e = await geprueft(m); // the check reads K6 as it is now
    l.aktionEndet(e.siegel);
    const ab = staende.length - 1;
    z.halten = null;
    loslassen(); // the old read ends after the result was shown
    await weiter(l, 5_000);
    expect(staende[ab]!.siegel).toBe(e.siegel);
    // Without the rule, the old read (against the seal before the check) would say „K6 changed“.
    expect(staende.slice(ab).map((s) => s.siegel?.art)).not.toContain("verfaelscht");
    l.stop();
  });
});

describe("changes while an action runs", () => {
  it("an edit between the look and the end of the write (here, and a co-author's) marks the result possibly stale", async () => {
    const m = beispiel();
    const { l, letzter, staende } = live(m);
    await l.start();
    await weiter(l);
    // Runs of a check: 0 read, 1 look, 2 write, 3 hide the seal sheet and protect.
    m.vorLauf = (nr) => {
      if (nr === 2) {
        void m.nutzerAendert("Finanzplan", 6, LM, 12345);
        void m.nutzerAendert("Finanzplan", 7, LM, 4711, "Remote");
      }
    };
    l.aktionBeginnt();
    const e = await geprueft(m);
    m.vorLauf = null;
    l.aktionEndet(e.siegel);
    const ergebnis = staende.at(-1)!;
    expect(ergebnis.siegel).toBe(e.siegel);
    expect(ergebnis.waehrendAktion).toEqual(["Finanzplan!K6", "Finanzplan!K7"]);
    // Then the workbook is read: the check's seal does not cover the edits, and the line says so.
    await weiter(l, 10);
    expect(orte(letzter().siegel).sort()).toEqual(["Finanzplan!K6", "Finanzplan!K7"]);
    expect(letzter().waehrendAktion).toEqual(["Finanzplan!K6", "Finanzplan!K7"]);
    // The next action starts clean.
    l.aktionBeginnt();
    l.aktionEndet(null);
    expect(letzter().waehrendAktion).toEqual([]);
    l.stop();
  });
});

describe("cell edit mode", () => {
  it("every run waits for the user's cell edit (delayForCellEdit), none fails", async () => {
    const m = beispiel();
    const g = createGateway(m.api());
    const { l, letzter } = live(m, sichtbarkeit(), g);
    m.betrittZelle(); // the user is typing in a cell while the pane opens and checks
    const start = l.start();
    const pruefung = finanzplanPruefen({ gateway: g, dienst: null, jetzt });
    const auswahl = g.waehleZelle("Finanzplan", "K6");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(m.syncs).toBe(0); // all wait
    m.verlasseZelle();
    await start;
    expect((await pruefung).art).toBe("ok");
    await auswahl;
    await weiter(l, 10);
    await m.nutzerAendert("Finanzplan", 6, LM, 1);
    await weiter(l, WARTEN_LOKAL_MS);
    expect(orte(letzter().siegel)).toEqual(["Finanzplan!K6"]);
    await g.setzeEingabe("Finanzplan", "K6", 2);
    expect(m.laeufe.length).toBeGreaterThan(6);
    expect(m.laeufe.filter((o) => !o.delayForCellEdit)).toEqual([]);
    l.stop();
  });

  it("the fake is as strict as Excel: without delayForCellEdit a batch in cell edit mode fails", async () => {
    const m = beispiel();
    m.betrittZelle();
    const lauf = m.api().run({}, async (ctx) => {
      ctx.workbook.tables.load("items/name");
      await ctx.sync();
    });
    await expect(lauf).rejects.toBeInstanceOf(ExcelFehler);
    await expect(lauf).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  });
});

describe("co-authors and a hidden pane", () => {
  it("a burst of a co-author's edits is gathered into few small reads, never a full read per edit", async () => {
    const m = beispiel();
    await geprueft(m);
    const { gateway, z } = zaehlend(createGateway(m.api()));
    const { l, letzter } = live(m, sichtbarkeit(), gateway);
    await l.start();
    await weiter(l);
    const vorher = m.syncs;
    for (let i = 0; i < 12; i++) {
      await m.nutzerAendert("Finanzplan", 2 + i, LM, 100 + i, "Remote");
      await weiter(l, 500); // a co-author typing, one cell every half second
    }
    await weiter(l, 5_000);
    expect(z.voll).toBe(1); // only the first read when the pane opened
    expect(z.teil).toBeLessThanOrEqual(2);
    expect(m.syncs - vorher).toBeLessThanOrEqual(2);
    expect(orte(letzter().siegel)).toHaveLength(12);
    l.stop();
  });

  it("a co-author's check (their add-in writing the grey columns and a new seal) is read whole", async () => {
    const m = beispiel();
    await geprueft(m);
    const { gateway, z } = zaehlend(createGateway(m.api()));
    const { l, letzter } = live(m, sichtbarkeit(), gateway);
    await l.start();
    await weiter(l);
    await m.nutzerAendert("Finanzplan", 6, LM, 12345, "Remote");
    await weiter(l, 3_000);
    expect(orte(letzter().siegel)).toEqual(["Finanzplan!K6"]);
    // The co-author checks again: their seal covers K6; their status column arrives as a Remote change.
    await geprueft(m);
    const status = FINANZPLAN.spalten.findIndex((s) => s.kopf === "Prüfung") + 1;
    await m.nutzerAendert("Finanzplan", 6, status, m.wert("Finanzplan", 6, status), "Remote");
    await weiter(l, 3_000);
    expect(z.voll).toBe(2);
    expect(letzter().siegel?.art).toBe("nicht_signiert");
    l.stop();
  });

  it("nothing is read while the pane is hidden; one read when it is shown again", async () => {
    const m = beispiel();
    await geprueft(m);
    const sicht = sichtbarkeit();
    const { l, letzter } = live(m, sicht);
    await l.start();
    await weiter(l);
    sicht.setze(false);
    const vorher = m.syncs;
    await m.nutzerAendert("Finanzplan", 6, LM, 1, "Remote");
    await m.nutzerAendert("Finanzplan", 9, LM, 2, "Remote");
    await weiter(l, 10 * 60_000);
    expect(m.syncs).toBe(vorher);
    sicht.setze(true);
    await weiter(l, 10);
    expect(m.syncs - vorher).toBe(1);
    expect(orte(letzter().siegel).sort()).toEqual(["Finanzplan!K6", "Finanzplan!K9"]);
    l.stop();
  });

  it("without events: the workbook is read at most every 30 s, and only while the pane is visible", async () => {
    const m = beispiel();
    const { gateway, z } = zaehlend(createGateway(m.api()));
    const ohneEreignisse: WorkbookGateway = { ...gateway, beobachte: async () => "abfrage" };
    const sicht = sichtbarkeit();
    const { l } = live(m, sicht, ohneEreignisse);
    await l.start();
    await weiter(l);
    expect(z.voll).toBe(1);
    await weiter(l, 30_000 - 100);
    expect(z.voll).toBe(1);
    await weiter(l, 100);
    expect(z.voll).toBe(2);
    sicht.setze(false);
    await weiter(l, 10 * 30_000);
    expect(z.voll).toBe(2);
    sicht.setze(true); // more than 30 s since the last read: once now
    await weiter(l, 10);
    expect(z.voll).toBe(3);
    sicht.setze(false);
    sicht.setze(true); // shown again within 30 s: not again
    await weiter(l, 30_000 - 100);
    expect(z.voll).toBe(3);
    l.stop();
  });
});
