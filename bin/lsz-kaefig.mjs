#!/usr/bin/env node
// The cage's child (cli/kaefig.ts): one workbook checked in a process of its own, through tsx's loader.
import { register } from "tsx/esm/api";

register();
const { kindLaeuft } = await import("../cli/kaefig.ts");
await kindLaeuft();
