/** The real Excel of Office.js behind the gateway's interface (the only place that touches `Excel`). */
import type { ExcelApi } from "./excel-api";

export function officeExcel(): ExcelApi {
  return {
    run: (optionen, batch) =>
      Excel.run(
        optionen as Excel.RunOptions,
        batch as unknown as (ctx: Excel.RequestContext) => Promise<never>,
      ),
    unterstuetzt: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
  };
}
