import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/** `npm run test:reliability`: the long runs, bounded to a few minutes. */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "zuverlaessigkeit",
          include: ["test/zuverlaessigkeit/*.test.ts"],
          exclude: ["test/zuverlaessigkeit/*.worker.test.ts"],
          environment: "node",
          // One file at a time: two wrangler dev instances under load on 2 cores starve each other.
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 180_000,
        },
      },
      {
        plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.jsonc" } })],
        test: {
          name: "zuverlaessigkeit-worker",
          include: ["test/zuverlaessigkeit/*.worker.test.ts"],
          testTimeout: 600_000,
        },
      },
    ],
  },
});
