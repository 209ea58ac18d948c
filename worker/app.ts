/**
 * The app factory: one error handler, CORS for the configured add-in origins only, security headers,
 * a body limit, and the routes of the one route table (shared/routen.ts). No request body is logged or stored anywhere.
 */
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";
import { z } from "zod";
import de from "zod/v4/locales/de.js";
import type { AppEnv } from "./env";
import { MAX_BODY_BYTES } from "./grenzen";
import { problem } from "./problem";
import { PFADE_TEXT, ROUTEN, ROUTEN_NAMEN } from "../shared/routen";
import { HANDLER } from "./routen";

z.config(de()); // German messages for shape errors

function erlaubteOrigins(env: AppEnv["Bindings"]): Set<string> {
  return new Set(
    (env.ADDIN_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
  );
}

const zuGross = (c: Context) =>
  problem(
    c,
    413,
    `Die Anfrage ist größer als ${MAX_BODY_BYTES / 1024 / 1024} MB. Bitte die Tabelle in Teilen prüfen lassen.`,
  );

/** Reads a body to its end without keeping it; past 64 MB the rest is cancelled. */
async function verwerfe(body: ReadableStream<Uint8Array> | null): Promise<void> {
  if (!body) return;
  const leser = body.getReader();
  let gelesen = 0;
  try {
    for (;;) {
      const { done, value } = await leser.read();
      if (done) return;
      gelesen += value.byteLength;
      if (gelesen > 64 * 1024 * 1024) {
        await leser.cancel();
        return;
      }
    }
  } catch {
    // the client went away: nothing to drain
  }
}

export function createApp() {
  const app = new Hono<AppEnv>();

  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      crossOriginResourcePolicy: "cross-origin",
    }),
  );
  app.use(
    "/api/*",
    cors({
      origin: (origin, c) => (erlaubteOrigins(c.env).has(origin) ? origin : null),
      allowMethods: ["GET", "POST", "OPTIONS"],
      allowHeaders: ["Content-Type"],
      maxAge: 600,
    }),
  );
  // A body announced larger than the limit is read to its end (or cancelled) before the 413: answering
  // before reading makes wrangler's dev proxy drop the connection and send a 500 instead.
  app.use("/api/*", async (c, next) => {
    const laenge = Number(c.req.header("content-length"));
    if (Number.isFinite(laenge) && laenge > MAX_BODY_BYTES) {
      await verwerfe(c.req.raw.body);
      return zuGross(c);
    }
    await next();
  });
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: zuGross,
    }),
  );

  for (const name of ROUTEN_NAMEN) app.on(ROUTEN[name].methode, ROUTEN[name].pfad, HANDLER[name]);

  app.notFound((c) =>
    problem(
      c,
      404,
      `Unter ${c.req.method} ${new URL(c.req.url).pathname} gibt es nichts. Verfügbar: ${PFADE_TEXT}.`,
    ),
  );
  app.onError((err, c) => {
    // Never the body: only what failed, for the operator's log.
    console.error(
      `Fehler bei ${c.req.method} ${new URL(c.req.url).pathname}: ${err instanceof Error ? err.name : "unbekannt"}`,
    );
    return problem(
      c,
      500,
      "Bei der Berechnung ist ein interner Fehler aufgetreten. Die Eingaben wurden nicht gespeichert.",
    );
  });
  return app;
}
