/** The worker's bindings (wrangler vars). */
interface Env {
  /** Comma-separated origins the task pane is served from, e.g. "https://localhost:3000". */
  ADDIN_ORIGINS?: string;
}

export interface AppEnv {
  Bindings: Env;
}
