/**
 * A webview too old for the bundle (Internet Explorer 11 or Edge Legacy, as Excel 2016/2019 on Windows
 * use) never runs it: the pane then shows a German message with what to do, not a blank page. Simulated
 * by a page that runs no script at all; the preview shows that a started pane replaces the message.
 */
import { describe, expect, it } from "vitest";
import { basisUrl, neueSeite } from "./browser-hilfen";

describe("a webview that cannot run the pane", () => {
  it("shows the German message after a few seconds instead of a blank pane", async () => {
    const page = await neueSeite();
    await page.route("**/*.js", (r) => r.abort()); // nothing of the bundle runs, as in IE11
    await page.goto(`${basisUrl()}/taskpane.html`);
    const meldung = page.getByRole("alert");
    await expect.poll(() => meldung.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await meldung.innerText()).toContain("LSZ-Finanzplan konnte hier nicht starten");
    expect(await meldung.innerText()).toContain("Excel 2021 oder neuer");
    expect(await meldung.innerText()).toContain("lsz pruefen mappe.xlsx");
    await page.close();
  });

  it("a pane that starts replaces the message", async () => {
    const page = await neueSeite();
    // Office.js from Microsoft's CDN is not reachable here: a stub that says „ready“ stands in for it.
    await page.route("https://appsforoffice.microsoft.com/**", (r) =>
      r.fulfill({
        contentType: "application/javascript",
        body: "window.Office={onReady:function(f){f();return Promise.resolve()},context:{displayLanguage:'de-DE',requirements:{isSetSupported:function(){return true}}}};window.Excel={run:function(){return Promise.reject(new Error('kein Excel'))}};",
      }),
    );
    await page.goto(`${basisUrl()}/taskpane.html`);
    await page.getByRole("button", { name: "Finanzplan prüfen" }).waitFor();
    expect(await page.locator("#nicht-gestartet").count()).toBe(0);
    await page.close();
  });
});
