/**
 * The parts of a sheet picture (shared/arbeitsmappe/blattbild.ts) the add-in's hand writes
 * (schreiben.ts). It writes the tools' output sheets; the template's input-sheet parts — Excel
 * tables, data validations, notes, unlocked cells — only lsz writes (cli/blattbild.ts). A part added
 * to Blattbild fails the type check here until it is decided, and a picture that uses a part marked
 * false is refused before anything is written, never half written.
 */
import type { Bildteil } from "../../../shared/arbeitsmappe";

export const OFFICE_TEILE = {
  art: true,
  bloecke: true,
  formate: true,
  stile: true,
  breiten: true,
  umbruch: true,
  hoehen: true,
  fixiert: true,
  druck: true,
  geschuetzt: true,
  sichtbar: true,
  reiter: true,
  diagramme: true,
  tabellen: false,
  gueltigkeiten: false,
  notizen: false,
  entsperrt: false,
} as const satisfies Record<Bildteil, boolean>;
