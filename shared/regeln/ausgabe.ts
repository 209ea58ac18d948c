/** The rule catalogue as the API and the task pane show it: per rule set, each rule with its data. */
import { REGELWERK_IDS, REGELWERKE, foerderperiodeText } from "../regelwerke";
import { REGELN, regelTitel } from "./katalog";

export function regelkatalog() {
  return {
    regelwerke: REGELWERK_IDS.map((id) => {
      const rw = REGELWERKE[id];
      return {
        id,
        version: rw.version,
        titel: rw.titel,
        foerderperiode: { ...rw.foerderperiode, text: foerderperiodeText(rw) },
        grenzen: rw.grenzen,
        zuwendungsempfaenger: rw.zuwendungsempfaenger.map((k) => ({ ...k })),
        regeln: rw.regeln.map((code) => ({
          code,
          ...REGELN[code],
          titel: regelTitel(code, rw.grenzen),
          titel_en: regelTitel(code, rw.grenzen, "en"),
          schweren: [...REGELN[code].schweren],
        })),
      };
    }),
  };
}
