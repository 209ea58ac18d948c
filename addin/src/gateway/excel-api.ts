/**
 * The part of Office.js's Excel API the gateway uses, as a typed interface. The real `Excel` object
 * fits it; so does the in-memory fake (src/fake/fake-excel.ts) that the tests and the browser preview
 * use. The manifest requires ExcelApi 1.9, so everything up to 1.9 is called without a guard; newer
 * calls (1.20's mergeUndoGroup) are guarded.
 */
export type Wert = string | number | boolean | null;

interface LadbaresObjekt {
  load(eigenschaften: string): unknown;
}

/** ExcelApi 1.2 */
export interface FormatProtection extends LadbaresObjekt {
  /** true, false, or null where the range mixes locked and unlocked cells. */
  locked: boolean | null;
}

export interface RangeFormat {
  font: { bold: boolean; color: string; size: number };
  fill: { color: string };
  /** In points (not characters as in the xlsx file). */
  columnWidth: number;
  /** In points. */
  rowHeight: number;
  wrapText: boolean;
  verticalAlignment: "Top" | "Center" | "Bottom" | "Justify" | "Distributed";
  /** ExcelApi 1.2 */
  protection: FormatProtection;
}

/** Excel.RangeValueType (ExcelApi 1.1): what `valueTypes` says of each cell. */
export type ValueType =
  "Unknown" | "Empty" | "String" | "Integer" | "Double" | "Boolean" | "Error" | "RichValue";

export interface Range extends LadbaresObjekt {
  values: Wert[][];
  /** ExcelApi 1.1: per cell; "Error" where the cell shows an error value, whose text `values` holds. */
  valueTypes: ValueType[][];
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
  /** ExcelApi 1.2: `count` rows directly below this range, as wide as it. */
  getRowsBelow(count: number): Range;
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

/** ExcelApi 1.2 */
export interface WorksheetProtection extends LadbaresObjekt {
  protected: boolean;
  options: Record<string, boolean>;
  protect(options?: Record<string, boolean>, password?: string): void;
  unprotect(password?: string): void;
}

/** ExcelApi 1.9: how a sheet prints. */
interface PageLayout {
  orientation: "Landscape" | "Portrait";
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  setPrintTitleRows(zeilen: string): void;
  headersFooters: {
    defaultForAllPages: { centerHeader: string; rightHeader: string; centerFooter: string };
  };
}

export interface Worksheet extends LadbaresObjekt {
  name: string;
  charts: ChartCollection;
  protection: WorksheetProtection;
  /** ExcelApi 1.1 */
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** ExcelApi 1.9 */
  pageLayout: PageLayout;
  /** ExcelApi 1.7: "#RRGGBB". */
  tabColor: string;
  /** ExcelApi 1.7 */
  freezePanes: { freezeRows(anzahl: number): void };
  getRange(adresse?: string): Range;
  activate(): void;
}

export interface WorksheetCollection extends LadbaresObjekt {
  items: Worksheet[];
  getItem(name: string): Worksheet;
  add(name: string): Worksheet;
}

interface TableColumn {
  getDataBodyRange(): Range;
}

/** ExcelApi 1.9 */
export interface AutoFilter extends LadbaresObjekt {
  isDataFiltered: boolean;
}

/**
 * What Excel tells a table's onChanged handler (Excel.TableChangedEventArgs, ExcelApi 1.7). It has
 * no `triggerSource` (only WorksheetChangedEventArgs has, from 1.14): the add-in's own writes into
 * the output columns are told apart by their columns (see beobachten.ts).
 */
export interface TabellenAenderung {
  /** The changed area of the table on its sheet, e.g. "K6" or "U2:Y25". */
  address: string;
  /** Excel.DataChangeType: "RangeEdited", "RowInserted", "RowDeleted", "ColumnInserted", … or "Unknown". */
  changeType: string;
  /** Excel.EventSource: "Local" (this session) or "Remote" (a co-author's session). */
  source: "Local" | "Remote";
  type: string;
}

export interface Table extends LadbaresObjekt {
  name: string;
  /** ExcelApi 1.3: false where the user switched the header row off (Tabellenentwurf → Kopfzeile). */
  showHeaders: boolean;
  /** ExcelApi 1.7: registered at sync; the handler runs on every change of the table's cells. */
  onChanged: { add(handler: (e: TabellenAenderung) => Promise<void>): unknown };
  worksheet: Worksheet;
  getHeaderRowRange(): Range;
  getDataBodyRange(): Range;
  getRange(): Range;
  /** ExcelApi 1.9 */
  autoFilter: AutoFilter;
  /** `add(null, values incl. header, name)`: the name argument needs ExcelApi 1.4. */
  columns: {
    add(index: number | null, values: (string | number | boolean)[][] | null, name: string): TableColumn;
  };
}

export interface TableCollection extends LadbaresObjekt {
  items: Table[];
  getItem(name: string): Table;
}

/** A workbook-scoped name (ExcelApi 1.1 to read, 1.4 to add and delete). */
export interface NamedItem {
  name: string;
  /** For a name that refers to a range: its address, e.g. `'Prüfbericht'!$A$1`; `#REF!` once the sheet is gone. */
  value: string;
  visible: boolean;
  delete(): void;
}

export interface NamedItemCollection extends LadbaresObjekt {
  items: NamedItem[];
  add(name: string, bezug: Range | string, kommentar?: string): NamedItem;
  getItem(name: string): NamedItem;
}

/** ExcelApi 1.1: Excel.CalculationMode; "Manual" recalculates only on F9 (or when saved). */
export type CalculationMode = "Automatic" | "AutomaticExceptTables" | "Manual";

export interface Application extends LadbaresObjekt {
  calculationMode: CalculationMode;
}

export interface RequestContext {
  workbook: {
    tables: TableCollection;
    worksheets: WorksheetCollection;
    names: NamedItemCollection;
    application: Application;
  };
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
