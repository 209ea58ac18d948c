/**
 * `lsz vorlage DATEI --kreis 16070 [--foerderjahr 2022] [--verteilung verteilung.xlsx]`: which Kreis,
 * which year, and its Förderhöchstbetrag from the ministry's allocation (the xlsx or CSV that
 * `lsz verteilen` wrote).
 */
import { basename, extname } from "node:path";
import { FOERDERHOECHSTBETRAEGE, kopfSchluessel, type Zellwert } from "../shared/arbeitsmappe";
import { liesCsv } from "../shared/csv";
import { centZuEuro, liesBetrag } from "../shared/geld";
import { regelwerkFuerJahr } from "../shared/regelwerke";
import { Aufruffehler } from "./optionen";
import type { FuerKreis } from "./vorlage";
import { DateiFehler, leseDatei, liesRegulaereDatei, raster } from "./xlsx-lesen";

/** The allocation's table as rows of cells, header first, and the Förderjahr its chart names. */
async function verteilungsZeilen(datei: string): Promise<{ zeilen: Zellwert[][]; jahr: number | null }> {
  if (extname(datei).toLowerCase() === ".csv") {
    const { kopf, zeilen } = liesCsv((await liesRegulaereDatei(datei)).toString("utf8"));
    return { zeilen: [kopf, ...zeilen], jahr: null };
  }
  const { wb } = await leseDatei(datei);
  const ws = wb.getWorksheet(FOERDERHOECHSTBETRAEGE.blatt);
  if (!ws)
    throw new DateiFehler(
      `${basename(datei)}: kein Blatt „${FOERDERHOECHSTBETRAEGE.blatt}“ – bitte die Datei angeben, die „lsz verteilen“ geschrieben hat.`,
    );
  const zeilen = raster(ws);
  const jahr = zeilen
    .flat()
    .map((v) => (typeof v === "string" ? /Förderhöchstbetrag (20\d\d)\b/.exec(v)?.[1] : undefined))
    .find((j) => j !== undefined);
  return { zeilen, jahr: jahr ? Number(jahr) : null };
}

/** The Kreis's Förderhöchstbetrag in the allocation, in euros. */
function betragFuer(zeilen: Zellwert[][], schluessel: string, datei: string): number {
  const kopfNr = zeilen.findIndex((z) => z.some((v) => v === FOERDERHOECHSTBETRAEGE.kopf[0]));
  const kopf = (zeilen[kopfNr] ?? []).map((v) => (typeof v === "string" ? kopfSchluessel(v) : ""));
  const s = kopf.indexOf(kopfSchluessel(FOERDERHOECHSTBETRAEGE.kopf[0]!));
  const b = kopf.indexOf(kopfSchluessel(FOERDERHOECHSTBETRAEGE.kopf[2]!));
  if (kopfNr < 0 || s < 0 || b < 0)
    throw new DateiFehler(
      `${basename(datei)}: die Spalten „${FOERDERHOECHSTBETRAEGE.kopf[0]}“ und „${FOERDERHOECHSTBETRAEGE.kopf[2]}“ fehlen – bitte die Datei angeben, die „lsz verteilen“ geschrieben hat.`,
    );
  const zeile = zeilen.slice(kopfNr + 1).find((z) => String(z[s] ?? "").trim() === schluessel);
  const betrag = liesBetrag(zeile?.[b] ?? null);
  if (!zeile || betrag.art !== "betrag")
    throw new DateiFehler(
      `${basename(datei)}: für den Kreisschlüssel ${schluessel} steht dort kein Förderhöchstbetrag.`,
    );
  return centZuEuro(betrag.cent);
}

/** The Kreis by key or name among the rule set's Zuwendungsempfänger of the year. */
export async function kreisFuerVorlage(o: {
  kreis: string;
  foerderjahr?: string | undefined;
  verteilung?: string | undefined;
}): Promise<FuerKreis> {
  const verteilung = o.verteilung ? await verteilungsZeilen(o.verteilung) : null;
  const foerderjahr = o.foerderjahr ? Number(o.foerderjahr) : (verteilung?.jahr ?? new Date().getFullYear());
  const rw = regelwerkFuerJahr(foerderjahr);
  const gesucht = kopfSchluessel(o.kreis);
  const kreis = rw.zuwendungsempfaenger.find(
    (k) => k.schluessel === o.kreis.trim() || kopfSchluessel(k.name) === gesucht,
  );
  if (!kreis)
    throw new Aufruffehler(
      `--kreis „${o.kreis}“ ist im Förderjahr ${foerderjahr} kein Zuwendungsempfänger nach ${rw.id}; erlaubt (Kreisschlüssel oder Name): ${rw.zuwendungsempfaenger.map((k) => `${k.schluessel} ${k.name}`).join(", ")}.`,
    );
  return {
    kreis,
    foerderjahr,
    foerderhoechstbetrag_eur:
      verteilung && o.verteilung ? betragFuer(verteilung.zeilen, kreis.schluessel, o.verteilung) : null,
  };
}
