/** Runs the real `lsz` command and LibreOffice (headless) as an independent reader of our xlsx files. */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { liesCsv } from "../../shared/csv";
import { REPO } from "../hilfen/daten";
import { LIBREOFFICE, LIBREOFFICE_FEHLT, LIBREOFFICE_PFLICHT } from "../hilfen/werkzeuge";

const exec = promisify(execFile);

export async function arbeitsordner(): Promise<string> {
  return mkdtemp(join(tmpdir(), "lsz-test-"));
}

export async function lsz(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await exec(process.execPath, [resolve(REPO, "bin/lsz.mjs"), ...args], {
      cwd,
      env: { ...process.env, ...env },
      maxBuffer: 10 * 1024 * 1024,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const f = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof f.code === "number" ? f.code : -1, stdout: f.stdout ?? "", stderr: f.stderr ?? "" };
  }
}

export async function sha256(datei: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(datei))
    .digest("hex");
}

/**
 * With LSZ_LIBREOFFICE_PFLICHT=1 (set by .ci/run) a missing LibreOffice fails the run instead of
 * skipping its round-trip tests, so CI never skips them quietly.
 */
if (!LIBREOFFICE && LIBREOFFICE_PFLICHT)
  throw new Error(`LSZ_LIBREOFFICE_PFLICHT=1, aber ${LIBREOFFICE_FEHLT}`);
export { LIBREOFFICE };

/** Every sheet of an xlsx as CSV rows, converted by LibreOffice (raw values, UTF-8, comma). */
export async function libreofficeBlaetter(datei: string): Promise<Map<string, string[][]>> {
  const aus = await arbeitsordner();
  const profil = await arbeitsordner();
  await exec(
    "soffice",
    [
      `-env:UserInstallation=file://${profil}`,
      "--headless",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,false,false,false,false,-1",
      "--outdir",
      aus,
      datei,
    ],
    { timeout: 180_000 },
  );
  const blaetter = new Map<string, string[][]>();
  const basis = datei
    .split("/")
    .pop()!
    .replace(/\.xlsx$/, "");
  for (const name of await readdir(aus)) {
    const { kopf, zeilen } = liesCsv(await readFile(join(aus, name), "utf8"));
    blaetter.set(name.slice(basis.length + 1, -4), [kopf, ...zeilen]);
  }
  return blaetter;
}
