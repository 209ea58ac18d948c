/** Styles more than one part of the pane uses (each part keeps its own styles beside it). */
import { makeStyles, tokens } from "@fluentui/react-components";

/** `klein`: secondary text (subtitle, details, advice, the rule set line). */
export const useGemeinsameStile = makeStyles({
  klein: { color: tokens.colorNeutralForeground3 },
});
