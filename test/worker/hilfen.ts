/** Requests to the worker under test, inside workerd. */
import { exports } from "cloudflare:workers";

const worker = (exports as unknown as { default: Fetcher }).default;

export const BASIS = "http://lsz.test";

export function hole(pfad: string, init?: RequestInit): Promise<Response> {
  return worker.fetch(new Request(BASIS + pfad, init));
}

export function sende(pfad: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return hole(pfad, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export interface ProblemJson {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { pointer: string; detail: string }[];
}

/** Asserts a problem+json answer and returns its body. */
export async function problemVon(antwort: Response): Promise<ProblemJson> {
  const typ = antwort.headers.get("content-type") ?? "";
  if (!typ.startsWith("application/problem+json"))
    throw new Error(`kein problem+json: ${antwort.status} ${typ}`);
  const body = (await antwort.json()) as ProblemJson;
  if (body.status !== antwort.status) throw new Error("status im Body weicht ab");
  return body;
}
