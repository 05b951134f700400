import { startApiServer } from "@verity/api";
import { openDatabase } from "@verity/db";
import { Command, InvalidArgumentError, Option } from "commander";

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError("expected a TCP port (0-65535)");
  return n;
}

/** `verity serve`: the query API and the graph explorer over HTTP, until interrupted. */
export function serveCommand(): Command {
  return new Command("serve")
    .description("Serve the query API (and explorer) over HTTP, reading the indexed database")
    .option(
      "--database-url <url>",
      "PostgreSQL URL (default: $DATABASE_URL, else the embedded PGlite database)",
    )
    .option("--data-dir <dir>", "PGlite data directory (default .verity/pglite)")
    .addOption(new Option("--port <port>", "TCP port").argParser(port).default(3000))
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--network <name>", "network label shown by /v1/status")
    .action(async (options) => {
      const database = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir });
      const server = await startApiServer(
        { database, network: options.network },
        { port: options.port, host: options.host },
      ).catch(async (error: unknown) => {
        await database.close();
        throw error;
      });
      console.log(
        `Verity API at ${server.url} (OpenAPI: ${server.url}/openapi.json), database ${database.location}`,
      );
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      await server.close();
      await database.close();
    });
}
