#!/usr/bin/env node
// The `lsz` command: runs cli/lsz.ts through tsx's loader (a dependency of this package).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../cli/lsz.ts");
process.exitCode = await main(process.argv.slice(2));
