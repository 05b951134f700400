/** A signal aborted by the first SIGINT or SIGTERM, for commands that stop cleanly on Ctrl-C. */
export interface StopSignal {
  /** Aborts on the first SIGINT or SIGTERM after `untilSignal()`. */
  readonly signal: AbortSignal;
  /** Resolves when `signal` aborts. */
  readonly stopped: Promise<void>;
  /** Stops listening for the signals (the default handlers apply again). */
  dispose(): void;
}

/** Listens for SIGINT and SIGTERM until `dispose()`; see {@link StopSignal}. */
export function untilSignal(): StopSignal {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const stopped = new Promise<void>((resolve) =>
    controller.signal.addEventListener("abort", () => resolve(), { once: true }),
  );
  return {
    signal: controller.signal,
    stopped,
    dispose() {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
    },
  };
}
