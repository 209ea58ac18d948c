export {
  kreiseAusCsv,
  kreiseAlsRegionenAus,
  erfundeneMindestsicherung,
  type KreisZeile,
} from "../../shared/beispiel/kreise";
