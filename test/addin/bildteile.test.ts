/**
 * The add-in's hand writes output sheets only: a sheet picture with a part it cannot write (an Excel
 * table, a data validation, a note, unlocked cells — the template's input sheets, which only lsz
 * writes) is refused before anything is written, never half written, and the type checker refuses
 * an input sheet's picture at the call.
 */
import { describe, expect, it } from "vitest";
import { OFFICE_TEILE } from "../../addin/src/gateway/bildteile";
import type { Lage } from "../../addin/src/gateway/blick";
import { Schreiber } from "../../addin/src/gateway/schreiben";
import {
  berichtBild,
  foerderBild,
  leeresBild,
  ungeschriebeneTeile,
  uebersichtBild,
  vorlageBild,
  vorlageBilder,
  type Blattbild,
} from "../../shared/arbeitsmappe";
import { BEISPIEL } from "./fake-hilfen";

/** A writer without a workbook: any write would fail with a TypeError, not with the refusal. */
const ohneMappe = () => new Schreiber(null as never, null as never, null as never, {} as Lage);

describe("the add-in's hand and the parts of a picture", () => {
  it("writes every part of every output picture", () => {
    const bilder = [
      berichtBild("pruefbericht", []),
      berichtBild("verteilungsbericht", []),
      uebersichtBild([], undefined),
      foerderBild([], []),
      vorlageBild("pruefbericht"),
      vorlageBild("foerderhoechstbetraege"),
      vorlageBild("uebersicht"),
    ];
    for (const b of bilder) expect(ungeschriebeneTeile(b, OFFICE_TEILE), b.art).toEqual([]);
  });

  it("the template's tables use parts only lsz writes", () => {
    const bilder = vorlageBilder(BEISPIEL);
    const teile = new Map(bilder.map((b) => [b.art, ungeschriebeneTeile(b, OFFICE_TEILE)]));
    expect(teile.get("massnahmen")).toEqual(["tabellen", "gueltigkeiten", "notizen", "entsperrt"]);
    expect(teile.get("parameter")).toEqual(["tabellen", "gueltigkeiten", "entsperrt"]);
    expect(teile.get("indikatoren")).toEqual(["tabellen", "notizen", "entsperrt"]); // the example's notes
  });

  it("refuses an output picture with a table, before writing anything", async () => {
    const bild: Blattbild = leeresBild("pruefbericht");
    bild.tabellen.push({
      name: "tblBefunde",
      zeile: 1,
      spalte: 1,
      spalten: ["Schwere"],
      zeilen: 1,
      stil: "TableStyleLight9",
      filter: true,
    });
    await expect(ohneMappe().bild(bild)).rejects.toThrow(
      "Das Add-in schreibt keine Eingabeblätter (tabellen); die Vorlage erzeugt „lsz vorlage“.",
    );
  });

  it("refuses a validation, a note and unlocked cells alike", async () => {
    const bild: Blattbild = leeresBild("pruefbericht");
    const a1 = { zeile: 1, spalte: 1, zeilen: 1, spalten: 1 };
    bild.gueltigkeiten.push({
      bereich: a1,
      art: "gesperrt",
      quelle: "",
      stufe: "stopp",
      titel: "",
      meldung: "",
    });
    bild.notizen.push({ zeile: 1, spalte: 1, text: "Hinweis" });
    bild.entsperrt.push(a1);
    await expect(ohneMappe().bild(bild)).rejects.toThrow("(gueltigkeiten, notizen, entsperrt)");
  });

  it("an input sheet's picture is no output picture to the type checker", () => {
    const massnahmen = vorlageBilder(null)[2]!;
    expect(massnahmen.art).toBe("massnahmen");
    // @ts-expect-error the add-in's hand takes output pictures only (Blattbild<EigenesBlatt>)
    const aufruf = () => ohneMappe().bild(massnahmen);
    expect(typeof aufruf).toBe("function");
  });
});
