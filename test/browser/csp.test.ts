/**
 * The built task pane's Content-Security-Policy: connections only to itself and the worker's origin;
 * a request to any other origin is refused by the browser itself.
 */
import { describe, expect, it } from "vitest";
import { PANE_WORKER_PORT, basisUrl, neueSeite } from "./browser-hilfen";

/** The bits of the page's DOM these checks use (the test's own types have no DOM). */
interface Dok {
  querySelector(s: string): { getAttribute(n: string): string | null } | null;
  addEventListener(typ: string, f: (e: { blockedURI: string }) => void, o: { once: boolean }): void;
}

describe("task pane CSP", () => {
  it("allows the worker's origin and refuses every other", async () => {
    const page = await neueSeite();
    await page.goto(`${basisUrl()}/taskpane.html`);
    const policy = await page.evaluate(
      () =>
        (globalThis as unknown as { document: Dok }).document
          .querySelector('meta[http-equiv="Content-Security-Policy"]')
          ?.getAttribute("content") ?? "",
    );
    expect(policy).toContain(`connect-src 'self' http://127.0.0.1:${PANE_WORKER_PORT}`);
    expect(policy).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    const versuch = (ziel: string) =>
      page.evaluate(
        (url) =>
          new Promise<string | null>((fertig) => {
            (globalThis as unknown as { document: Dok }).document.addEventListener(
              "securitypolicyviolation",
              (e) => fertig(e.blockedURI),
              { once: true },
            );
            fetch(url).catch(() => undefined);
            setTimeout(() => fertig(null), 1500);
          }),
        ziel,
      );
    expect(await versuch("http://127.0.0.1:9/abfluss")).toContain("127.0.0.1:9");
    expect(await versuch(`http://127.0.0.1:${PANE_WORKER_PORT}/api/v1/health`)).toBeNull();
    await page.close();
  });

  it("the preview has its own policy too: no Office CDN, the worker allowed, every other origin refused (issue 29)", async () => {
    const page = await neueSeite();
    const verstoesse: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && m.text().includes("Content Security Policy")) verstoesse.push(m.text());
    });
    await page.goto(`${basisUrl()}/vorschau.html`);
    await page.getByRole("button", { name: "Finanzplan prüfen" }).waitFor();
    const policy = await page.evaluate(
      () =>
        (globalThis as unknown as { document: Dok }).document
          .querySelector('meta[http-equiv="Content-Security-Policy"]')
          ?.getAttribute("content") ?? "",
    );
    expect(policy).toContain(`connect-src 'self' http://127.0.0.1:${PANE_WORKER_PORT}`);
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("object-src 'none'");
    expect(verstoesse).toEqual([]); // the preview runs under it without a single violation
    const blockiert = await page.evaluate(
      (url) =>
        new Promise<string | null>((fertig) => {
          (globalThis as unknown as { document: Dok }).document.addEventListener(
            "securitypolicyviolation",
            (e) => fertig(e.blockedURI),
            { once: true },
          );
          fetch(url).catch(() => undefined);
          setTimeout(() => fertig(null), 1500);
        }),
      "http://127.0.0.1:9/abfluss",
    );
    expect(blockiert).toContain("127.0.0.1:9");
    await page.close();
  });
});
