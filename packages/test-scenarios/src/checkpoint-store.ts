/**
 * Checkpoint stores of the real fixture checkpoints, in either file format, as directories and
 * over HTTP on loopback (test tooling).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeCheckpointData, encodeCheckpointBlob, type StoreFormat } from "@verity/checkpoints";
import { fixtures, readFixture } from "@verity/testing";
import { certifiedFile, testCommittee } from "./committee.ts";

/** A checkpoint store written by `fixtureStore`. */
export interface FixtureStore {
  /** The directory holding it: `<seq>.<format>` files. */
  directory: string;
  /** The checkpoints it holds, increasing. */
  checkpoints: bigint[];
}

/**
 * A fresh directory holding the real checkpoints of `network` (`../shared` fixtures) in
 * `format`: the `.chk` files as they are, or the `.binpb.zst` files Sui's checkpoint-blob
 * writer would write for them (`encodeCheckpointBlob`). With `first`, the store is dense, as
 * an HTTP store must be (it is read checkpoint after checkpoint): fixture `i` is renumbered
 * `first + i` and certified anew, in its own epoch, by a test committee (`certifiedFile`); its
 * contents and transactions are kept byte for byte, so its digests still tie together.
 */
export function fixtureStore(
  network: "mainnet" | "testnet",
  format: StoreFormat,
  options: { first?: bigint } = {},
): FixtureStore {
  const directory = mkdtempSync(join(tmpdir(), `verity-${network}-${format}-`));
  const checkpoints = fixtures
    .filter((fixture) => fixture.network === network)
    .map(({ sequence_number: seq, epoch }, i) => {
      const chk = readFixture(network, seq);
      if (options.first === undefined) return { seq: BigInt(seq), chk };
      const renumbered = options.first + BigInt(i);
      const by = testCommittee(BigInt(epoch));
      return { seq: renumbered, chk: certifiedFile(chk, by, { sequenceNumber: renumbered }) };
    })
    .map(({ seq, chk }) => {
      const bytes = format === "chk" ? chk : encodeCheckpointBlob(decodeCheckpointData(chk));
      writeFileSync(join(directory, `${seq}.${format}`), bytes);
      return seq;
    });
  return { directory, checkpoints };
}

/** A directory served over HTTP on loopback. */
export interface ServedDirectory {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** The paths asked for, in order (`/<name>`). */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves `directory` as a checkpoint store on 127.0.0.1 (a free port): `GET /<name>` answers the
 * bytes of the directory's file `<name>`, 404 when it has none.
 */
export async function serveDirectory(directory: string): Promise<ServedDirectory> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const name = decodeURIComponent((request.url ?? "/").slice(1));
    requests.push(`/${name}`);
    const found = /^[\w.-]+$/.test(name) ? readFile(join(directory, name)) : Promise.reject();
    found.then(
      (bytes) => response.writeHead(200).end(bytes),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      }),
  };
}
