/**
 * Wires a function for deployment: the Supabase backend and the OpenAI-compatible client from
 * the function's environment and secrets, a deadline under the platform's wall-clock limit,
 * and `Deno.serve`.
 */
import { configFromEnv, OpenAiClient } from "./openai.ts";
import { deadlineAfter, type Handler, serveFunction } from "./runtime.ts";
import { settingsFromEnv, supabaseBackend } from "./supabase.ts";

export function deploy(name: string, handler: Handler): void {
  const env = Deno.env;
  const deadline = Number(env.get("FUNCTION_TIMEOUT_MS") ?? "140000");
  const openai = new OpenAiClient(configFromEnv(env));
  Deno.serve(serveFunction(name, handler, {
    backend: supabaseBackend(settingsFromEnv(env)),
    openai,
    now: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    deadline: deadlineAfter(Number.isFinite(deadline) && deadline > 0 ? deadline : 140000),
    log: (message, fields) => console.error(JSON.stringify({ message, ...fields })),
  }));
}
