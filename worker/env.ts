/** The worker's bindings (wrangler vars). */
interface Env {
  /** Comma-separated origins the task pane is served from, e.g. "https://localhost:3000". */
  ADDIN_ORIGINS?: string;
  /**
   * The Prüfsiegel's private Ed25519 key as JWK with `kid` (a secret: `wrangler secret put
   * SIEGEL_PRIVATER_SCHLUESSEL`; locally `.dev.vars`, written by npm start). Without it seals are unsigned.
   */
  SIEGEL_PRIVATER_SCHLUESSEL?: string;
  /** Retired public keys as JWKS JSON, each with `ersetzt_am`: old seals stay verifiable. */
  SIEGEL_ALTE_SCHLUESSEL?: string;
}

export interface AppEnv {
  Bindings: Env;
}
