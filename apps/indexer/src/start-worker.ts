import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * Starts a worker thread running the module `path` of this package's sources (`certificates/worker`
 * for `src/certificates/worker.ts`): the built module (`.mjs`, beside this one in `dist/`) as it
 * is; the source (`.ts`, when this package runs from its sources with tsx) after registering tsx
 * in the thread, as worker threads do not inherit the main thread's module hooks (tsx must then
 * resolve from here, as it does in the workspace). `options` go to the `Worker` as they are.
 */
export function startModuleWorker(path: string, options: WorkerOptions = {}): Worker {
  const fromSources = import.meta.url.endsWith(".ts");
  const url = new URL(`./${path}${fromSources ? ".ts" : ".mjs"}`, import.meta.url);
  if (!fromSources) return new Worker(url, options);
  const tsx = import.meta.resolve("tsx/esm/api");
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`,
    { ...options, eval: true },
  );
}
