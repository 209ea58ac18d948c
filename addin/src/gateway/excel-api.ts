/**
 * The part of Office.js's Excel API the gateway uses, as a typed interface. The real `Excel` object
 * fits it; so does the in-memory fake (src/fake/fake-excel.ts) that the tests and the browser preview
 * use. Everything here exists since ExcelApi 1.1–1.4 unless marked; newer calls are guarded.
 */
export type Wert = string | number | boolean | null;

export interface LadbaresObjekt {
  load(eigenschaften: string): unknown;
}

export interface RangeFormat {
  font: { bold: boolean; color: string };
  fill: { color: string };
  columnWidth: number;
  wrapText: boolean;
}

export interface Range extends LadbaresObjekt {
  values: Wert[][];
  formulas: (string | number | boolean)[][];
  numberFormat: string[][];
  address: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  format: RangeFormat;
  select(): void;
  clear(): void;
}

export interface ChartSeries {
  /** ExcelApi 1.7 */
  chartType: string;
  format: { fill: { setSolidColor(farbe: string): void }; line: { color: string } };
}

/** A chart (ExcelApi 1.1 unless marked). */
export interface Chart {
  name: string;
  title: { text: string };
  legend: { position: "Bottom" | "Right" | "Top" | "Left" };
  axes: {
    /** reversePlotOrder: ExcelApi 1.7 */
    categoryAxis: { reversePlotOrder: boolean };
    /** numberFormat: ExcelApi 1.8 */
    valueAxis: { numberFormat: string };
  };
  series: { getItemAt(index: number): ChartSeries };
  setData(quelle: Range, reihenNach: "Columns"): void;
  setPosition(von: string, bis?: string): void;
  delete(): void;
}

export interface ChartCollection extends LadbaresObjekt {
  items: { name: string }[];
  add(typ: string, quelle: Range, reihenNach: "Columns"): Chart;
  getItem(name: string): Chart;
}

export interface Worksheet extends LadbaresObjekt {
  name: string;
  charts: ChartCollection;
  getRange(adresse?: string): Range;
  activate(): void;
}

export interface WorksheetCollection extends LadbaresObjekt {
  items: Worksheet[];
  getItem(name: string): Worksheet;
  add(name: string): Worksheet;
}

export interface TableColumn {
  getDataBodyRange(): Range;
}

export interface Table extends LadbaresObjekt {
  name: string;
  worksheet: Worksheet;
  getHeaderRowRange(): Range;
  getDataBodyRange(): Range;
  getRange(): Range;
  /** `add(null, values incl. header, name)`: the name argument needs ExcelApi 1.4. */
  columns: {
    add(index: number | null, values: (string | number | boolean)[][] | null, name: string): TableColumn;
  };
}

export interface TableCollection extends LadbaresObjekt {
  items: Table[];
  getItem(name: string): Table;
}

export interface RequestContext {
  workbook: { tables: TableCollection; worksheets: WorksheetCollection };
  sync(): Promise<void>;
}

export interface RunOptionen {
  delayForCellEdit?: boolean;
  /** ExcelApi 1.20 */
  mergeUndoGroup?: boolean;
}

export interface ExcelApi {
  run<T>(optionen: RunOptionen, batch: (ctx: RequestContext) => Promise<T>): Promise<T>;
  /** Office.context.requirements.isSetSupported("ExcelApi", version) */
  unterstuetzt(version: string): boolean;
}
