/**
 * The corpus of real wording: cases written from the programme's documents (how Tabelle 3 of the
 * Ilm-Kreis Fachplan writes Art, dates and Handlungsfelder; Tabellen 1/2 with their own arithmetic
 * slips; the Stufen and the Bestandsschutz of Erfurt's process description) and from how people type
 * into Excel. Each case is data: the request (or a change to the clean plan in basis.json), the
 * sentence that decides it, the findings that must and must not appear. One test runs them all.
 */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  allocationRequestSchema,
  pruefe,
  validationRequestSchema,
  verteile,
  type Befund,
  type ValidationRequest,
} from "../../shared";
import { REPO } from "../hilfen/daten";

const ORDNER = resolve(REPO, "test/korpus");

interface Erwartung {
  regel: string;
  schwere?: string;
  tabelle?: string;
  zeile?: number | null;
  spalte?: string | null;
  meldung_enthaelt?: string | string[];
}

interface Fall {
  name: string;
  /** The sentence (or Excel fact) that decides the case, with where it stands. */
  beleg: string;
  pruefung: "validierung" | "verteilung";
  /** "plan": start from basis.json and apply `aendern`; otherwise `anfrage` is the whole request. */
  basis?: "plan";
  aendern?: {
    oben?: Record<string, unknown>;
    kreis?: Record<string, unknown>;
    massnahmen?: Record<string, Record<string, unknown> | null>;
    finanzplan?: Record<string, Record<string, unknown> | null>;
    massnahmen_dazu?: Record<string, unknown>[];
    finanzplan_dazu?: Record<string, unknown>[];
  };
  anfrage?: Record<string, unknown>;
  muss?: Erwartung[];
  darf_nicht?: string[];
  /** Exactly these codes, in any order (duplicates count). */
  genau?: string[];
  meldungen_nicht?: string[];
  summen?: Record<string, Record<string, unknown>>;
  zeilen?: {
    massnahmen?: Record<string, Record<string, unknown>>;
    finanzplan?: Record<string, Record<string, unknown>>;
  };
  regionen?: Record<string, Record<string, unknown>>;
  berechnet?: boolean;
}

const BASIS = (
  JSON.parse(readFileSync(resolve(ORDNER, "basis.json"), "utf8")) as { anfrage: ValidationRequest }
).anfrage;

/** Applies a case's changes to the clean plan: rows changed (null removes), rows added, header changed. */
function anfrageFuer(fall: Fall): unknown {
  if (fall.basis !== "plan") return fall.anfrage;
  const a = structuredClone(BASIS) as unknown as Record<string, unknown> & {
    kreis: Record<string, unknown>;
    massnahmen: (Record<string, unknown> | null)[];
    finanzplan: (Record<string, unknown> | null)[];
  };
  const x = fall.aendern ?? {};
  Object.assign(a, x.oben ?? {});
  Object.assign(a.kreis, x.kreis ?? {});
  for (const tabelle of ["massnahmen", "finanzplan"] as const) {
    for (const [i, aenderung] of Object.entries(x[tabelle] ?? {}))
      a[tabelle][Number(i)] = aenderung === null ? null : { ...a[tabelle][Number(i)], ...aenderung };
    a[tabelle] = a[tabelle].filter((z) => z !== null);
  }
  a.massnahmen.push(...(x.massnahmen_dazu ?? []));
  a.finanzplan.push(...(x.finanzplan_dazu ?? []));
  return a;
}

function passt(b: Befund, e: Erwartung): boolean {
  if (b.regel !== e.regel) return false;
  if (e.schwere !== undefined && b.schwere !== e.schwere) return false;
  if (e.tabelle !== undefined && b.tabelle !== e.tabelle) return false;
  if (e.zeile !== undefined && b.zeile !== e.zeile) return false;
  if (e.spalte !== undefined && b.spalte !== e.spalte) return false;
  const teile = e.meldung_enthaelt === undefined ? [] : [e.meldung_enthaelt].flat();
  return teile.every((t) => b.meldung.includes(t));
}

const DATEIEN = readdirSync(ORDNER).filter((d) => d.endsWith(".json") && d !== "basis.json");
const FAELLE = DATEIEN.flatMap((datei) =>
  (JSON.parse(readFileSync(resolve(ORDNER, datei), "utf8")) as { faelle: Fall[] }).faelle.map(
    (fall) => [datei, fall] as const,
  ),
);

describe("the corpus of real wording", () => {
  it("holds at least 400 cases, each with the sentence that decides it and something to check", () => {
    expect(FAELLE.length).toBeGreaterThanOrEqual(400);
    // At least 50 legitimate unusual spellings on which no rule may fire (issue 30).
    expect(FAELLE.filter(([, f]) => f.genau?.length === 0).length).toBeGreaterThanOrEqual(50);
    // Not only the Ilm-Kreis Fachplan (000): the model communes' report (002) and the Kreis's
    // integration concept (004) decide cases too.
    for (const quelle of ["002", "004"])
      expect(FAELLE.filter(([, f]) => f.beleg.includes(quelle)).length, quelle).toBeGreaterThanOrEqual(5);
    for (const [, f] of FAELLE) {
      expect(f.beleg.length, f.name).toBeGreaterThan(10);
      const pruefbar =
        (f.muss?.length ?? 0) +
        (f.darf_nicht?.length ?? 0) +
        [f.genau, f.summen, f.zeilen, f.regionen, f.berechnet].filter((x) => x !== undefined).length;
      expect(pruefbar, f.name).toBeGreaterThan(0);
    }
    expect(new Set(FAELLE.map(([, f]) => f.name)).size).toBe(FAELLE.length);
  });

  for (const [datei, fall] of FAELLE) {
    it(`${datei}: ${fall.name}`, () => {
      const anfrage = anfrageFuer(fall);
      const ergebnis =
        fall.pruefung === "verteilung"
          ? verteile(allocationRequestSchema.parse(anfrage))
          : pruefe(validationRequestSchema.parse(anfrage));
      const befunde = ergebnis.befunde;
      const liste = befunde.map(
        (b) => `${b.regel} ${b.schwere} ${b.tabelle}:${b.zeile}:${b.spalte} ${b.meldung}`,
      );
      for (const e of fall.muss ?? [])
        expect(
          befunde.some((b) => passt(b, e)),
          `${JSON.stringify(e)} fehlt in:\n${liste.join("\n")}`,
        ).toBe(true);
      for (const code of fall.darf_nicht ?? [])
        expect(
          befunde.filter((b) => b.regel === code).map((b) => b.meldung),
          `${code} darf nicht erscheinen`,
        ).toEqual([]);
      if (fall.genau)
        expect(befunde.map((b) => b.regel).sort(), liste.join("\n")).toEqual([...fall.genau].sort());
      for (const t of fall.meldungen_nicht ?? [])
        expect(befunde.filter((b) => b.meldung.includes(t)).map((b) => b.meldung)).toEqual([]);
      if ("summen" in ergebnis)
        for (const [jahr, soll] of Object.entries(fall.summen ?? {}))
          expect(ergebnis.summen[jahr], jahr).toMatchObject(soll);
      if ("zeilen" in ergebnis) {
        for (const tabelle of ["massnahmen", "finanzplan"] as const)
          for (const [i, soll] of Object.entries(fall.zeilen?.[tabelle] ?? {}))
            expect(ergebnis.zeilen[tabelle][Number(i)], `${tabelle}[${i}]`).toMatchObject(soll);
      }
      if ("regionen" in ergebnis) {
        for (const [i, soll] of Object.entries(fall.regionen ?? {}))
          expect(ergebnis.regionen[Number(i)], `regionen[${i}]`).toMatchObject(soll);
        if (fall.berechnet !== undefined) expect(ergebnis.berechnet).toBe(fall.berechnet);
      }
    });
  }
});
