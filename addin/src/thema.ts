/**
 * The Fluent theme that matches Office's: dark when Office's body background is dark. Windows
 * high-contrast (forced colours) is handled by Fluent's components themselves.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export function themaFuer(hintergrund: string | undefined): Theme {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hintergrund ?? "");
  if (!m) return webLightTheme;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x!, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? webDarkTheme : webLightTheme;
}
