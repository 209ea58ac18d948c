export * from "./layout";
export * from "./tabellen";
export * from "./anfragen";
export * from "./ausgabe";
export * from "./beispiel";
export * from "./diagramme";
export * from "./blattbild";
