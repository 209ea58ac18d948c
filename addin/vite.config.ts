import react from "@vitejs/plugin-react";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { resolve } from "node:path";
import { defineConfig } from "vite";

/**
 * Sideloading into Excel needs https. `npm run dev-server` (what office-addin-debugging starts) asks
 * office-addin-dev-certs for the certificate — it creates it and has the system trust it on first use;
 * elsewhere a certificate it installed earlier is used if present, and the browser preview (`npm
 * start`) works on plain http.
 */
async function httpsOptionen(): Promise<{ cert: Buffer; key: Buffer; ca?: Buffer } | undefined> {
  if (process.env["LSZ_HTTPS"] === "0") return undefined;
  if (process.env["npm_lifecycle_event"] === "dev-server") {
    const { getHttpsServerOptions } = await import("office-addin-dev-certs");
    return getHttpsServerOptions();
  }
  const zertifikate = resolve(homedir(), ".office-addin-dev-certs");
  return existsSync(resolve(zertifikate, "localhost.crt"))
    ? {
        cert: readFileSync(resolve(zertifikate, "localhost.crt")),
        key: readFileSync(resolve(zertifikate, "localhost.key")),
      }
    : undefined;
}

/** zod 4 re-exports all its ~50 locales in a way bundlers cannot shake off; keep German and English. */
const zodNurDeutschUndEnglisch = {
  name: "zod-locales-de-en",
  enforce: "pre" as const,
  load(id: string) {
    return /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/.test(id)
      ? 'export { default as de } from "./de.js";\nexport { default as en } from "./en.js";\n'
      : null;
  },
};

/**
 * The pane's Content-Security-Policy: its own files and Office's CDN, connections only to itself — which
 * is the calculation worker when the worker serves the pane (`npm run build`, no VITE_RECHENDIENST) —
 * and, where VITE_RECHENDIENST names a worker elsewhere (as dienst.ts uses it), to that worker. Fluent
 * UI writes its styles at run time (Griffel), hence 'unsafe-inline' for styles only. In dev, Vite's client needs its websocket and inline
 * preamble, so the policy is written into the built files only. The preview (vorschau.html, the pane
 * on a fake Excel) gets the same policy without Office's CDN: it loads no Office.js.
 */
export function panePolicy(rechendienst: string, office = true): string {
  const dienst = rechendienst === "" ? "" : ` ${new URL(rechendienst).origin}`;
  return [
    "default-src 'self'",
    office ? "script-src 'self' https://appsforoffice.microsoft.com" : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${dienst}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

const sicherheitsrichtlinie = {
  name: "lsz-csp",
  transformIndexHtml: {
    order: "pre" as const,
    handler(html: string, ctx: { server?: unknown; path: string }) {
      // Every page we serve carries it (issue 29): the preview too, which loads no Office.js.
      if (!html.includes("%LSZ_CSP%")) throw new Error(`${ctx.path}: die Seite hat keine CSP (%LSZ_CSP%)`);
      const office = !ctx.path.endsWith("vorschau.html");
      const policy = ctx.server ? "" : panePolicy(process.env["VITE_RECHENDIENST"] ?? "", office);
      return ctx.server
        ? html.replace(/\s*<meta http-equiv="Content-Security-Policy" content="%LSZ_CSP%" \/>/, "")
        : html.replace("%LSZ_CSP%", policy);
    },
  },
};

/** http://localhost:3000/ (what Vite prints as "Local") leads to the preview, not to a 404. */
const startseiteIstVorschau = {
  name: "startseite-ist-vorschau",
  configureServer(server: { middlewares: { use: (f: Middleware) => void } }) {
    server.middlewares.use((req, res, weiter) => {
      if (req.url === "/" || req.url === "/index.html") {
        res.statusCode = 302;
        res.setHeader("Location", "/vorschau.html");
        res.end();
        return;
      }
      weiter();
    });
  },
};
type Middleware = (
  req: { url?: string },
  res: { statusCode: number; setHeader: (k: string, v: string) => void; end: () => void },
  weiter: () => void,
) => void;

export default defineConfig(async () => {
  const https = await httpsOptionen();
  return {
    root: import.meta.dirname,
    plugins: [react(), zodNurDeutschUndEnglisch, startseiteIstVorschau, sicherheitsrichtlinie],
    server: { port: 3000, strictPort: true, host: "localhost", ...(https ? { https } : {}) },
    preview: { port: 3000, strictPort: true, host: "localhost" },
    build: {
      outDir: resolve(import.meta.dirname, "../dist/addin"),
      emptyOutDir: true,
      // Fluent UI + React are one ~580 KB chunk (~170 KiB gzip, measured in BENCHMARKS.md); that is the
      // pane's real size, not an accident to warn about on every build.
      chunkSizeWarningLimit: 700,
      rollupOptions: {
        input: {
          taskpane: resolve(import.meta.dirname, "taskpane.html"),
          vorschau: resolve(import.meta.dirname, "vorschau.html"),
        },
      },
    },
  };
});
