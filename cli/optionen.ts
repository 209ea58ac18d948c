/**
 * The command line's manners: an option parseArgs does not know, or a value that is not allowed, is
 * said in German with what is allowed and where help is — never Node's English message, never a
 * default used quietly in place of a mistyped value.
 */
import { access, constants, stat } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { NORMIERUNG_WORT, RUNDUNG_WORT, schluesselAusWort } from "../shared/arbeitsmappe";
import { EBENEN } from "../shared/allocation/schema";
import { liesBetrag } from "../shared/geld";
import { REGELWERK_IDS } from "../shared/regelwerke";

/** A mistake on the command line: exit code 2, the message for stderr. */
export class Aufruffehler extends Error {}

const HILFE_VERWEIS = "Alle Befehle und Optionen: lsz --help";

/** parseArgs' error (English, with its code) as a German sentence. */
export function aufruffehlerAus(e: unknown): Aufruffehler {
  const f = e as { code?: string; message?: string };
  const option = /'(-{1,2}[^' <]+)/.exec(f.message ?? "")?.[1] ?? "";
  switch (f.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return new Aufruffehler(`Die Option ${option} gibt es nicht. ${HILFE_VERWEIS}`);
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return new Aufruffehler(
        /argument missing/.test(f.message ?? "")
          ? `Die Option ${option} braucht einen Wert (z. B. ${option} WERT). ${HILFE_VERWEIS}`
          : `Die Option ${option} nimmt keinen Wert. ${HILFE_VERWEIS}`,
      );
    default:
      return new Aufruffehler(`Der Aufruf ist nicht verständlich. ${HILFE_VERWEIS}`);
  }
}

type Werte = Record<string, string | boolean | undefined>;

/** Options with a fixed set of values: how each is written, and the set said to the user. */
const AUSWAHL: Record<string, { erlaubt: (v: string) => boolean; liste: readonly string[] }> = {
  normierung: {
    erlaubt: (v) => schluesselAusWort(NORMIERUNG_WORT, v) !== null,
    liste: Object.values(NORMIERUNG_WORT),
  },
  rundung: {
    erlaubt: (v) => schluesselAusWort(RUNDUNG_WORT, v) !== null,
    liste: Object.values(RUNDUNG_WORT),
  },
  ebene: { erlaubt: (v) => (EBENEN as readonly string[]).includes(v), liste: EBENEN },
  regelwerk: { erlaubt: (v) => (REGELWERK_IDS as readonly string[]).includes(v), liste: REGELWERK_IDS },
};

/** The report's formats, by the file's extension. */
export const BERICHT_FORMATE = [".csv", ".json", ".xlsx"] as const;
export type BerichtFormat = (typeof BERICHT_FORMATE)[number];

export function berichtFormat(pfad: string): BerichtFormat | null {
  const ext = /\.[^./\\]+$/.exec(pfad.toLowerCase())?.[0];
  return (BERICHT_FORMATE as readonly string[]).includes(ext ?? "") ? (ext as BerichtFormat) : null;
}

/** Every value checked before any work begins; throws an Aufruffehler naming what is allowed. */
export function pruefeWerte(o: Werte): void {
  for (const [name, { erlaubt, liste }] of Object.entries(AUSWAHL)) {
    const v = o[name];
    if (typeof v === "string" && !erlaubt(v.trim()))
      throw new Aufruffehler(
        `--${name} „${v}“ ist nicht erlaubt; erlaubt: ${liste.map((x) => `„${x}“`).join(", ")}.`,
      );
  }
  const jahr = o["foerderjahr"];
  if (typeof jahr === "string" && !/^20\d\d$/.test(jahr.trim()))
    throw new Aufruffehler(`--foerderjahr „${jahr}“ ist kein Jahr; bitte vierstellig angeben, z. B. 2022.`);
  for (const name of ["haushaltsmittel", "sockelbetrag"]) {
    const v = o[name];
    if (typeof v === "string" && liesBetrag(v.trim()).art !== "betrag")
      throw new Aufruffehler(
        `--${name} „${v}“ ist kein Betrag in Euro; bitte als Zahl angeben, z. B. 10000000 oder 10.000.000,00.`,
      );
  }
  const dienst = o["dienst"];
  if (typeof dienst === "string" && !istDienstAdresse(dienst.trim()))
    throw new Aufruffehler(
      `--dienst „${dienst}“ ist keine Adresse des Rechendienstes; bitte mit http:// oder https:// angeben, z. B. --dienst https://rechendienst.example.`,
    );
  const bericht = o["bericht"];
  if (typeof bericht === "string" && berichtFormat(bericht) === null)
    throw new Aufruffehler(
      `--bericht „${bericht}“: das Format folgt aus der Endung; erlaubt sind ${BERICHT_FORMATE.join(", ")} (z. B. --bericht bericht.xlsx).`,
    );
}

/** An http(s) URL, as `--dienst` needs it. */
function istDienstAdresse(v: string): boolean {
  try {
    const url = new URL(v);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** `--ziel ORDNER`: an existing folder lsz may write into; checked before any work begins. */
export async function zielOrdner(ziel: string | undefined): Promise<string | undefined> {
  if (ziel === undefined) return undefined;
  const info = await stat(ziel).catch(() => null);
  if (!info?.isDirectory())
    throw new Aufruffehler(`Zielordner „${ziel}“ gibt es nicht – bitte anlegen oder einen anderen angeben.`);
  if (!(await beschreibbar(ziel)))
    throw new Aufruffehler(
      `In den Zielordner „${ziel}“ darf lsz nicht schreiben – bitte einen anderen angeben.`,
    );
  return ziel;
}

export async function beschreibbar(ordner: string): Promise<boolean> {
  return access(ordner, constants.W_OK).then(
    () => true,
    () => false,
  );
}

/** Where an output named by the user goes: a relative path into `--ziel` when given, else as given. */
export function ausgabeIn(ziel: string | undefined, pfad: string): string {
  return ziel === undefined || isAbsolute(pfad) ? pfad : join(ziel, pfad);
}
