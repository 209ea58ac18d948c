/** Entry point inside Excel. */
import { FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { rechendienst } from "./dienst";
import { createGateway } from "./gateway/gateway";
import { officeExcel } from "./gateway/office";
import { spracheAus } from "./texte";
import { themaFuer } from "./thema";

void Office.onReady(() => {
  const sprache = spracheAus(Office.context.displayLanguage);
  document.documentElement.lang = sprache;
  createRoot(document.getElementById("wurzel")!).render(
    <FluentProvider theme={themaFuer(Office.context.officeTheme?.bodyBackgroundColor)}>
      <App abh={{ gateway: createGateway(officeExcel()), dienst: rechendienst() }} sprache={sprache} />
    </FluentProvider>,
  );
});
