/**
 * Rows as the user sees them. A finding's `zeile` is the row's index as sent (1 = the first data
 * row); a message names the row as Excel numbers it. The add-in and lsz send each row's sheet row
 * (`zeilen_im_blatt`: a table may stand lower, and empty rows are not sent); without it the row is
 * numbered as in the template, whose tables have their header in row 1 — the first data row is
 * Excel's row 2. (The link of a finding — table, row, field — is resolved to the real cell by the
 * add-in and lsz.)
 */
export const excelZeile = (zeile: number): number => zeile + 1;
