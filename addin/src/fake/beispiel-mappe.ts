/**
 * The example workbook (Ilm-Kreis 2019, 23 Kreise; amounts made up) as an in-memory fake, laid out as
 * the generated template lays it out. The browser preview and the tests use it.
 */
import {
  BEGRUENDUNGEN,
  FINANZPLAN,
  INDIKATOREN_TABELLE,
  MASSNAHMEN,
  PARAMETER,
  beispielTabellen,
  parameterZeilen,
  type Beispieldaten,
} from "../../../shared/arbeitsmappe";
import { FakeArbeitsmappe } from "./fake-excel";

export function beispielMappe(daten: Beispieldaten): FakeArbeitsmappe {
  const b = beispielTabellen(daten);
  const m = new FakeArbeitsmappe();
  const kopf = (spalten: readonly { kopf: string }[]) => spalten.map((s) => s.kopf);
  m.tabelle(PARAMETER.tabelle, PARAMETER.blatt, [...PARAMETER.kopf, "Hinweis"], parameterZeilen(b.parameter));
  m.tabelle(BEGRUENDUNGEN.tabelle, BEGRUENDUNGEN.blatt, kopf(BEGRUENDUNGEN.spalten), b.begruendungen, 1, 5);
  m.tabelle(MASSNAHMEN.tabelle, MASSNAHMEN.blatt, kopf(MASSNAHMEN.spalten), b.massnahmen);
  m.tabelle(FINANZPLAN.tabelle, FINANZPLAN.blatt, kopf(FINANZPLAN.spalten), b.finanzplan);
  m.tabelle(
    INDIKATOREN_TABELLE.tabelle,
    INDIKATOREN_TABELLE.blatt,
    kopf(INDIKATOREN_TABELLE.spalten),
    b.indikatoren,
  );
  return m;
}
