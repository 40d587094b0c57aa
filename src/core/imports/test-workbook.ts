import ExcelJS from 'exceljs';

/** A cell as a test writes it. */
export type Cell = string | number | Date | null | ExcelJS.CellValue;

/**
 * A workbook as offices send them, for the importers' tests: the data sheet — an optional
 * title row above the header, optional merged ranges — beside another sheet, placed first
 * when `otherFirst` so the importer must find the data sheet rather than take the first.
 */
export async function testWorkbook(
  sheet: string,
  header: readonly string[],
  rows: Cell[][],
  opts: { titleRow?: string; merges?: string[]; other: { name: string; text: string; first?: boolean } },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const other = () => wb.addWorksheet(opts.other.name).addRow([opts.other.text]);
  if (opts.other.first) other();
  const ws = wb.addWorksheet(sheet);
  if (opts.titleRow) ws.addRow([opts.titleRow]);
  ws.addRow([...header]);
  for (const r of rows) ws.addRow(r);
  for (const m of opts.merges ?? []) ws.mergeCells(m);
  if (!opts.other.first) other();
  return Buffer.from(await wb.xlsx.writeBuffer());
}
