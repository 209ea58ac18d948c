/**
 * The Prüfsiegel: canonical, independent of column order and formats; signed by the calculation
 * service (Ed25519), and judged with exactly one verdict. The cases are the attack of issue 28: a Kreis
 * with the product rebuilds a seal over a changed plan; a signature is copied from another plan; an
 * input the check read (Parameter, Maßnahmen, Finanzplan, Begründungen, Indikatoren) is changed after
 * the check; the Prüfbericht's summary is edited; the key is rotated; a key is unknown.
 */
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  erstelleSiegel,
  pruefAnfrage,
  pruefe,
  pruefeSiegel,
  siegelAusZellen,
  siegelText,
  siegelZellen,
  sha256,
  SIEGEL_FELDER,
  SIEGEL_FORMAT,
  validationRequestSchema,
  type Arbeitsmappe,
  type TabellenDaten,
} from "../../shared";
import { INDIKATOR_SPALTEN, type Siegel } from "../../shared/siegel";
import type { Jwks } from "../../shared/siegel-schema";
import { ladeSignierer, type Signierer } from "../../shared/signatur";
import { beispiel } from "../addin/fake-hilfen";
import { createGateway } from "../../addin/src/gateway/gateway";
import type { FakeArbeitsmappe } from "../../addin/src/fake/fake-excel";

/** A key pair as the service holds it: private JWK with kid (the secret) and its public JWK. */
async function schluesselpaar(kid: string, extra: Record<string, string> = {}) {
  const paar = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ])) as import("node:crypto").webcrypto.CryptoKeyPair;
  const privat = { ...(await crypto.subtle.exportKey("jwk", paar.privateKey)), kid, ...extra };
  const { d: _d, key_ops: _k, ext: _e, ...oeffentlich } = privat;
  return { signierer: await ladeSignierer(JSON.stringify(privat)), oeffentlich: { ...oeffentlich, kid } };
}

let dienst: { signierer: Signierer; oeffentlich: Jwks["keys"][number] };
let schluessel: Jwks;
beforeAll(async () => {
  const p = await schluesselpaar("rechendienst-2026");
  dienst = { signierer: p.signierer, oeffentlich: p.oeffentlich as Jwks["keys"][number] };
  schluessel = { keys: [dienst.oeffentlich] };
});

async function mappeVon(m: FakeArbeitsmappe): Promise<Arbeitsmappe> {
  return (await createGateway(m.api()).leseTabellen()).mappe;
}

function gelesen(mappe: Arbeitsmappe) {
  const a = pruefAnfrage(mappe);
  if (!a.ok) throw new Error(a.meldungen.join("; "));
  return { anfrage: validationRequestSchema.parse(a.anfrage), orte: a.bezug.orte };
}

/** The check and its seal, as the service makes it (signed) or the pane offline (unsigned). */
async function gesiegelt(mappe: Arbeitsmappe, signiert = true, zeit = "2026-11-22T10:00:00.000Z") {
  const { anfrage } = gelesen(mappe);
  return erstelleSiegel(anfrage, pruefe(anfrage), zeit, { signierer: signiert ? dienst.signierer : null });
}

/** The verdict on `siegel` for the workbook `mappe` now, with a fresh check's counts. */
async function urteil(siegel: Siegel, mappe: Arbeitsmappe, jwks: Jwks = schluessel) {
  const { anfrage, orte } = gelesen(mappe);
  return pruefeSiegel(siegel, anfrage, { schluessel: jwks, orte, befunde: pruefe(anfrage).befunde });
}

/** Where a label stands in a sheet of the fake (searched, not taken from the layout code). */
function finde(m: FakeArbeitsmappe, blatt: string, text: string): { zeile: number; spalte: number } {
  for (let zeile = 1; zeile <= 80; zeile++)
    for (let spalte = 1; spalte <= 40; spalte++)
      if (m.wert(blatt, zeile, spalte) === text) return { zeile, spalte };
  throw new Error(`„${text}“ nicht auf ${blatt}`);
}
const adresse = (spalte: number, zeile: number) => `${String.fromCharCode(64 + spalte)}${zeile}`;

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
  it("each seal format covers exactly its fields: a field added to an input needs a new SIEGEL_FORMAT", () => {
    const FELDER_JE_FORMAT: Record<string, { massnahmen: string; finanzplan: string; indikatoren: string }> =
      {
        "LSZ-Siegel-3": {
          massnahmen:
            "nr,titel,handlungsfeld,art,bestandsschutz_kategorie,landeszuwendung_2017,traeger,traegerart,gemeinnuetzig,sozialraum,beginn,ende",
          finanzplan:
            "massnahme_nr,jahr,personalausgaben,sachausgaben,verwaltungsausgaben,honorarausgaben,investitionen,drittmittel,eigenmittel_kreis,anteil_gemeinden,landesmittel,gesamtausgaben,bemessungsgrundlage",
          indikatoren: INDIKATOR_SPALTEN.join(","),
        },
      };
    expect(FELDER_JE_FORMAT[SIEGEL_FORMAT], `Felder von ${SIEGEL_FORMAT}`).toEqual({
      massnahmen: SIEGEL_FELDER.massnahmen.join(","),
      finanzplan: SIEGEL_FELDER.finanzplan.join(","),
      indikatoren: INDIKATOR_SPALTEN.join(","),
    });
    expect(INDIKATOR_SPALTEN.length).toBeGreaterThan(3);
  });

  it("SHA-256 through Web Crypto equals node:crypto, also for umlauts and emoji", async () => {
    for (const t of ["", "abc", "Maßnahme 3.1: Pflichtfeld Art ist leer.", "€ 1.234,56 – ✓ 🧾"])
      expect(await sha256(t)).toBe(createHash("sha256").update(t, "utf8").digest("hex"));
  });

  it("does not depend on column order or on how numbers are formatted", async () => {
    const mappe = await mappeVon(beispiel());
    const a = await gesiegelt(mappe, false);
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
    const b = await gesiegelt(
      { ...mappe, finanzplan: umgestellt(alsText), massnahmen: umgestellt(mappe.massnahmen!) },
      false,
    );
    expect(b.aussage.eingaben).toBe(a.aussage.eingaben);
    expect(a.werte!.massnahmen).toHaveLength(15);
    expect(a.werte!.indikatoren.length).toBe(23);
    expect(a.werte!.parameter.map((z) => z[0])).toEqual(
      expect.arrayContaining(["Haushaltsmittel (€)", "Förderhöchstbetrag (€)"]),
    );
  });

  it("signed by the service and unchanged: „Siegel gültig – signiert vom Rechendienst …“ with the counts of the check now", async () => {
    const mappe = await mappeVon(beispiel());
    const siegel = await gesiegelt(mappe);
    expect(siegel.signatur).toMatch(/^[A-Za-z0-9_-]{86}$/);
    const u = await urteil(siegel, mappe);
    expect(u.art).toBe("gueltig");
    expect(siegelText(u)).toBe(
      "Siegel gültig – signiert vom Rechendienst (Schlüssel rechendienst-2026), geprüft am 22.11.2026, 11:00 Uhr, seitdem unverändert – Befunde jetzt: 1 Fehler, 2 Warnungen, 0 Hinweise",
    );
  });

  it("the attack: tripled Landesmittel, a seal rebuilt with the product's own functions, zero counts and an old date → „nicht signiert“, and the fresh counts", async () => {
    const m = beispiel();
    const lm = finde(m, "Finanzplan", "Landesmittel");
    let verdreifacht = 0;
    for (let z = lm.zeile + 1; z < lm.zeile + 60; z++) {
      const v = m.wert("Finanzplan", z, lm.spalte);
      if (typeof v === "number" && v > 0) {
        m.setze("Finanzplan", z, lm.spalte, v * 3);
        verdreifacht++;
      }
    }
    expect(verdreifacht).toBeGreaterThan(5);
    const mappe = await mappeVon(m);
    const { anfrage } = gelesen(mappe);
    // What a Kreis can do with the product: its read path and seal function, claiming no findings.
    const falsch = await erstelleSiegel(
      anfrage,
      { regelwerk: "LSZ-2019", regelwerk_version: "2019.1", befunde: [] },
      "2019-01-15T09:00:00.000Z",
    );
    const u = await urteil(falsch, mappe);
    expect(u.art).toBe("nicht_signiert");
    const text = siegelText(u);
    expect(text.startsWith("nicht signiert (lokal geprüft)")).toBe(true);
    expect(text).toMatch(/Befunde jetzt: [1-9]\d* Fehler.*\(im Siegel: 0 Fehler, 0 Warnungen, 0 Hinweise\)$/);
    expect(text).not.toContain("gültig");
    // F02 (Landesmittel above the Förderhöchstbetrag) is among the fresh findings, not hidden by the seal.
    expect(pruefe(anfrage).befunde.some((b) => b.regel === "F02" && b.schwere === "fehler")).toBe(true);
    // Through the cells as well: the seal written and read back says the same.
    const zurueck = siegelAusZellen(siegelZellen(falsch));
    expect("art" in zurueck).toBe(false);
  });

  it("a valid signature copied from another plan onto a rebuilt seal → „Signatur ungültig“", async () => {
    const echt = await gesiegelt(await mappeVon(beispiel()));
    const m = beispiel();
    const fhb = finde(m, "Parameter", "Förderhöchstbetrag (€)");
    m.setze("Parameter", fhb.zeile, fhb.spalte + 1, 1_337_355);
    const mappe = await mappeVon(m);
    const { anfrage } = gelesen(mappe);
    const falsch = await erstelleSiegel(
      anfrage,
      { regelwerk: "LSZ-2019", regelwerk_version: "2019.1", befunde: [] },
      echt.aussage.zeit,
    );
    const kopie: Siegel = {
      ...falsch,
      aussage: { ...falsch.aussage, schluessel: echt.aussage.schluessel },
      signatur: echt.signatur,
    };
    const u = await urteil(kopie, mappe);
    expect(u.art).toBe("signatur_ungueltig");
    expect(siegelText(u).startsWith("Signatur ungültig")).toBe(true);
    // Claiming other counts in a genuine seal breaks its signature too.
    const gezaehlt = { ...echt, aussage: { ...echt.aussage, anzahl: { fehler: 0, warnung: 0, hinweis: 0 } } };
    expect((await urteil(gezaehlt, await mappeVon(beispiel()))).art).toBe("signatur_ungueltig");
    // Kept values edited to match a changed workbook: they no longer give the signed input hash.
    expect((await urteil({ ...echt, werte: falsch.werte }, mappe)).art).toBe("signatur_ungueltig");
  });

  it("a change in each input sheet after the check is named by its cell", async () => {
    const siegel = await gesiegelt(await mappeVon(beispiel()));
    const faelle: [string, (m: FakeArbeitsmappe) => string][] = [
      [
        "Haushaltsmittel 10 Mio. → 15 Mio.",
        (m) => {
          const p = finde(m, "Parameter", "Haushaltsmittel (€)");
          m.setze("Parameter", p.zeile, p.spalte + 1, 15_000_000);
          return `Parameter!${adresse(p.spalte + 1, p.zeile)}`;
        },
      ],
      [
        "Förderhöchstbetrag",
        (m) => {
          const p = finde(m, "Parameter", "Förderhöchstbetrag (€)");
          m.setze("Parameter", p.zeile, p.spalte + 1, 1_337_355);
          return `Parameter!${adresse(p.spalte + 1, p.zeile)}`;
        },
      ],
      [
        "Maßnahmen: Titel",
        (m) => {
          const k = finde(m, "Maßnahmen", "Titel");
          m.setze("Maßnahmen", k.zeile + 2, k.spalte, "umbenannt");
          return `Maßnahmen!${adresse(k.spalte, k.zeile + 2)}`;
        },
      ],
      [
        "Finanzplan: Landesmittel",
        (m) => {
          const k = finde(m, "Finanzplan", "Landesmittel");
          m.setze("Finanzplan", k.zeile + 3, k.spalte, 9001);
          return `Finanzplan!${adresse(k.spalte, k.zeile + 3)}`;
        },
      ],
      [
        "Indikatoren: eine Einwohnerzahl",
        (m) => {
          const k = finde(m, "Indikatoren", "Einwohner");
          m.setze("Indikatoren", k.zeile + 5, k.spalte, 123_456);
          return `Indikatoren!${adresse(k.spalte, k.zeile + 5)}`;
        },
      ],
    ];
    for (const [fall, aendere] of faelle) {
      const m = beispiel();
      const zelle = aendere(m);
      const u = await urteil(siegel, await mappeVon(m));
      expect(u.art, fall).toBe("verfaelscht");
      expect(siegelText(u), fall).toMatch(
        new RegExp(`^verfälscht: ${zelle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} seit der Prüfung geändert`),
      );
    }
  });

  it("a Begründung changed after the check is named too", async () => {
    const mappe = await mappeVon(beispiel());
    const { anfrage } = gelesen(mappe);
    const mit = {
      ...anfrage,
      handlungsfelder_ohne_massnahme: [{ handlungsfeld: 5, begruendung: "im Kreis nicht nötig" }],
    };
    const siegel = await erstelleSiegel(mit, pruefe(mit), "2026-11-22T10:00:00.000Z", {
      signierer: dienst.signierer,
    });
    const anders = { ...mit, handlungsfelder_ohne_massnahme: [{ handlungsfeld: 5, begruendung: "anders" }] };
    const u = await pruefeSiegel(siegel, anders, { schluessel });
    expect(u).toMatchObject({
      art: "verfaelscht",
      aenderungen: [
        { teil: "begruendungen", feld: "begruendung", vorher: "im Kreis nicht nötig", nachher: "anders" },
      ],
    });
  });

  it("the Prüfbericht's seal lines edited („0 Fehler“) → not the signed statement; the counts shown are those of the check now", async () => {
    const mappe = await mappeVon(beispiel());
    const siegel = await gesiegelt(mappe);
    const zellen = siegelZellen(siegel).map(([l, w]) => [
      l,
      l === "Befunde" ? "0 Fehler, 0 Warnungen, 0 Hinweise" : w,
    ]);
    expect(siegelAusZellen(zellen)).toMatchObject({ art: "signatur_ungueltig" });
    expect(siegelText(await urteil(siegel, mappe))).toContain(
      "Befunde jetzt: 1 Fehler, 2 Warnungen, 0 Hinweise",
    );
  });

  it("a rotated key: old seals verify with the retired key and say so; an unknown key id is „Schlüssel unbekannt“", async () => {
    const mappe = await mappeVon(beispiel());
    const alt = await gesiegelt(mappe);
    const neu = await schluesselpaar("rechendienst-2027");
    const rotiert: Jwks = {
      keys: [neu.oeffentlich as Jwks["keys"][number], { ...dienst.oeffentlich, ersetzt_am: "2027-01-01" }],
    };
    const u = await urteil(alt, mappe, rotiert);
    expect(u.art).toBe("gueltig");
    expect(siegelText(u)).toContain("(Schlüssel rechendienst-2026, inzwischen ersetzt am 01.01.2027)");
    const unbekannt = await urteil(alt, mappe, { keys: [neu.oeffentlich as Jwks["keys"][number]] });
    expect(unbekannt.art).toBe("schluessel_unbekannt");
    expect(siegelText(unbekannt).startsWith("Schlüssel unbekannt")).toBe(true);
    // A key with the same id but other key material does not verify it.
    const fremd = { ...(neu.oeffentlich as Jwks["keys"][number]), kid: "rechendienst-2026" };
    expect((await urteil(alt, mappe, { keys: [fremd] })).art).toBe("signatur_ungueltig");
  });

  it("a development key is named in the seal and in the verdict", async () => {
    const entw = await schluesselpaar("entwicklung-test", { lsz_art: "Entwicklungsschlüssel" });
    const mappe = await mappeVon(beispiel());
    const { anfrage } = gelesen(mappe);
    const siegel = await erstelleSiegel(anfrage, pruefe(anfrage), "2026-11-22T10:00:00.000Z", {
      signierer: entw.signierer,
    });
    expect(siegel.aussage.entwicklung).toBe(true);
    expect(siegelZellen(siegel).find(([l]) => l === "signiert")![1]).toContain("Entwicklungsschlüssel");
    const u = await urteil(siegel, mappe, { keys: [entw.oeffentlich as Jwks["keys"][number]] });
    expect(siegelText(u)).toContain("Schlüssel entwicklung-test, Entwicklungsschlüssel");
  });

  it("old seal formats are read and called „veraltet (altes Siegelformat)“", () => {
    for (const format of ["LSZ-Siegel-1", "LSZ-Siegel-2"]) {
      const u = siegelAusZellen([
        ["Prüfsiegel", format],
        ["SHA-256", "ab"],
        ["Siegeldaten", "{}"],
      ]);
      expect(u).toEqual({ art: "altes_format", format });
      expect(siegelText(u as never).startsWith("veraltet (altes Siegelformat)")).toBe(true);
    }
  });

  it("a seal from an older rule set version is reported as outdated", async () => {
    const mappe = await mappeVon(beispiel());
    const { anfrage } = gelesen(mappe);
    const alt = await erstelleSiegel(
      anfrage,
      { regelwerk: "LSZ-2019", regelwerk_version: "2019.0", befunde: [] },
      "2025-11-10T08:00:00.000Z",
      { signierer: dienst.signierer },
    );
    expect(await pruefeSiegel(alt, anfrage, { schluessel })).toMatchObject({
      art: "veraltet",
      aktuelle_version: "LSZ-2019 (2019.1)",
    });
  });

  it("survives the trip through cells, also when it is larger than one cell holds", async () => {
    const siegel = await gesiegelt(await mappeVon(beispiel()));
    expect(siegelAusZellen(siegelZellen(siegel))).toEqual(siegel);
    const gross: Siegel = {
      ...siegel,
      werte: { ...siegel.werte!, finanzplan: Array.from({ length: 5000 }, (_, i) => [String(i), i, null]) },
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
  });

  it("a plan too large to keep its values in the seal: sealed by hash alone, a change still found", async () => {
    const { anfrage } = gelesen(await mappeVon(beispiel()));
    const gross = { ...anfrage, finanzplan: Array.from({ length: 1000 }, () => anfrage.finanzplan).flat() };
    const siegel = await erstelleSiegel(gross, pruefe(gross), "2026-11-22T10:00:00.000Z", {
      signierer: dienst.signierer,
    });
    expect(siegel.werte).toBeNull();
    expect((await pruefeSiegel(siegel, gross, { schluessel })).art).toBe("gueltig");
    const anders = {
      ...gross,
      finanzplan: gross.finanzplan.map((z, i) => (i === 4000 ? { ...z, landesmittel: 1 } : z)),
    };
    const u = await pruefeSiegel(siegel, anders, { schluessel });
    expect(siegelText(u)).toMatch(
      /^verfälscht: Eingaben \(welche Zellen, kann das Siegel eines so großen Plans nicht sagen\) seit der Prüfung geändert/,
    );
    expect(siegelZellen(siegel).length).toBeLessThan(45);
  });

  it("the canonical form is injective: „a|5:b“ in one reason is not two reasons", async () => {
    const { anfrage } = gelesen(await mappeVon(beispiel()));
    const ergebnis = pruefe(anfrage);
    const mit = (h: { handlungsfeld: number; begruendung: string }[]) =>
      erstelleSiegel({ ...anfrage, handlungsfelder_ohne_massnahme: h }, ergebnis, "2026-11-22T10:00:00.000Z");
    const eins = await mit([{ handlungsfeld: 1, begruendung: "a|5:b" }]);
    const zwei = await mit([
      { handlungsfeld: 1, begruendung: "a" },
      { handlungsfeld: 5, begruendung: "b" },
    ]);
    expect(eins.aussage.eingaben).not.toBe(zwei.aussage.eingaben);
  });

  it("the readable line shows the time in German local time, not ISO UTC", async () => {
    const siegel = await gesiegelt(await mappeVon(beispiel()), false, "2026-12-02T13:03:00.000Z");
    expect(siegelZellen(siegel).find(([l]) => l === "geprüft am")![1]).toBe("02.12.2026, 14:03 Uhr");
    const sommer = await gesiegelt(await mappeVon(beispiel()), false, "2026-07-01T08:00:00.000Z");
    expect(siegelZellen(sommer).find(([l]) => l === "geprüft am")![1]).toBe("01.07.2026, 10:00 Uhr");
  });
});
