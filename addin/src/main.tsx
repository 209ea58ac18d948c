/** Entry point inside Excel. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { rechendienst } from "./dienst";
import { createGateway } from "./gateway/gateway";
import { officeExcel } from "./gateway/office";
import { spracheAus } from "./texte";

void Office.onReady(() => {
  const sprache = spracheAus(Office.context.displayLanguage);
  document.documentElement.lang = sprache;
  createRoot(document.getElementById("wurzel")!).render(
    <FluentProvider theme={webLightTheme}>
      <App abh={{ gateway: createGateway(officeExcel()), dienst: rechendienst() }} sprache={sprache} />
    </FluentProvider>,
  );
});
