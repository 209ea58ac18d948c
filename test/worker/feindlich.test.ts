/**
 * Hostile requests inside workerd (its stack, not Node's): huge lists of junk, lists over the limits,
 * requests that make a finding of every row. Never a 5xx, never an answer that grows with the attack.
 */
import { describe, expect, it } from "vitest";
import { plan } from "../hilfen/plan";
import { problemVon, sende } from "./hilfen";

describe("hostile requests", () => {
  it("125.000 invalid list elements in a 260 KB body: 422 with 100 pointers, not a stack overflow", async () => {
    const body = JSON.stringify({
      foerderjahr: 2019,
      kreis: {},
      massnahmen: [],
      finanzplan: Array(125_000).fill(1),
    });
    expect(body.length).toBeLessThan(300_000);
    const r = await sende("/api/v1/validation", body);
    const p = await problemVon(r);
    expect(p.status).toBe(422);
    expect(p.detail).toMatch(/Zu viele Einträge: 125\.000, höchstens 20\.000/);
  });

  it("4.000 rows with every cell of the wrong type: 422, the first 100 pointers and the count of all", async () => {
    const falsch = Object.fromEntries(
      ["nr", "titel", "handlungsfeld", "art", "traeger", "traegerart", "beginn", "ende"].map((f) => [f, {}]),
    );
    const r = await sende("/api/v1/validation", { ...plan(), massnahmen: Array(4_000).fill(falsch) });
    const p = await problemVon(r);
    expect(p.status).toBe(422);
    expect(p.errors).toHaveLength(100);
    expect(p.detail).toMatch(/^Die Anfrage passt nicht zum Schema: 32\.000 Felder sind fehlerhaft/);
    expect(p.errors![0]!.pointer).toBe("/massnahmen/0/nr");
  });

  it("150.000 duplicate regions: 422 before any region is read", async () => {
    const region = { schluessel: "1" };
    const r = await sende("/api/v1/allocation", {
      foerderjahr: 2019,
      haushaltsmittel_eur: 1,
      regionen: Array(150_000).fill(region),
    });
    const p = await problemVon(r);
    expect(p.status).toBe(422);
    expect(p.detail).toContain("höchstens 12.000");
  });

  it("20.000 Finanzplan rows each with an unreadable amount: 200, findings capped with Z02, counts complete, answer under 10 MB", async () => {
    const nrn = ["1.1", "2.1", "3.1", "4.1", "5.1", "6.1"];
    const finanzplan = Array.from({ length: 20_000 }, (_, i) => ({
      massnahme_nr: nrn[i % 6],
      jahr: 2019,
      landesmittel: "viel",
    }));
    const r = await sende("/api/v1/validation", { ...plan(), finanzplan });
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text.length).toBeLessThan(10 * 1024 * 1024);
    const body = JSON.parse(text) as {
      anzahl: { fehler: number };
      befunde: { regel: string; meldung: string }[];
      zeilen: { finanzplan: { status: string }[] };
    };
    expect(body.anzahl.fehler).toBeGreaterThanOrEqual(20_000);
    expect(body.befunde.length).toBeLessThanOrEqual(5_001);
    expect(body.befunde.filter((b) => b.regel === "F07")).toHaveLength(1_000);
    expect(body.befunde.at(-1)).toMatchObject({ regel: "Z02" });
    expect(body.befunde.at(-1)!.meldung).toMatch(/^19\.000 weitere Befunde .*F07: 19\.000/);
    expect(body.zeilen.finanzplan.every((z) => z.status === "fehler")).toBe(true);
  });

  it("12.000 regions with text in every count: 200, findings capped", async () => {
    const regionen = Array.from({ length: 12_000 }, (_, i) => ({
      schluessel: `R${i}`,
      einwohner: "viele",
      flaeche_km2: "groß",
    }));
    const r = await sende("/api/v1/allocation", {
      foerderjahr: 2019,
      haushaltsmittel_eur: 100000,
      ebene: "frei",
      verfahren: { gewichte: { bevoelkerung: 0.5, inverse_dichte: 0.5 } },
      regionen,
    });
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text.length).toBeLessThan(10 * 1024 * 1024);
    const body = JSON.parse(text) as { befunde: { regel: string }[]; anzahl: { fehler: number } };
    expect(body.befunde.length).toBeLessThanOrEqual(5_001);
    expect(body.anzahl.fehler).toBeGreaterThanOrEqual(12_000);
  });
});
