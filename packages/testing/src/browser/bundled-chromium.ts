/**
 * The headless Chromium that the npm package `@sparticuz/chromium` ships (test tooling): a
 * brotli-compressed x64 Linux build with the NSS libraries and the fonts it needs, so it runs
 * with nothing installed on the machine and no download. Only the package's `bin/` files are
 * used, not its Lambda-oriented loader.
 */
import { createReadStream, createWriteStream, existsSync, readFileSync } from "node:fs";
import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress } from "node:zlib";
import { extract } from "tar-fs";

/** A Chromium executable and the environment variables it needs on top of the caller's. */
export interface ChromiumBuild {
  /** Absolute path of the executable. */
  executablePath: string;
  /** Set for the browser process only (library path, font configuration); empty when none. */
  env: Record<string, string>;
}

const packageDir = join(
  dirname(createRequire(import.meta.url).resolve("@sparticuz/chromium")),
  "..",
);
const binDir = join(packageDir, "bin");
const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
  version: string;
};

/** Decompresses `bin/<file>` (brotli) into `sink`. */
async function unbrotli(file: string, sink: NodeJS.WritableStream): Promise<void> {
  await pipeline(createReadStream(join(binDir, file)), createBrotliDecompress(), sink);
}

/**
 * Unpacks the build into `staging`, for use from `dir`: `chromium`, `lib/` (NSS, NSPR, expat)
 * and `fonts/` (Open Sans) with a `fonts.conf` that names only them, so text renders the same
 * whatever fonts the machine has.
 */
async function unpack(staging: string, dir: string): Promise<void> {
  await unbrotli("chromium.br", createWriteStream(join(staging, "chromium"), { mode: 0o755 }));
  await unbrotli("al2023.tar.br", extract(staging));
  await unbrotli("fonts.tar.br", extract(staging));
  await writeFile(
    join(staging, "fonts.conf"),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `  <dir>${join(dir, "fonts")}</dir>\n  <cachedir>${join(dir, "fonts-cache")}</cachedir>\n` +
      "</fontconfig>\n",
  );
}

/**
 * The build, unpacked on first use into `<root>/verity-chromium-<package version>` (about
 * 210 MB; `root` defaults to the system temp directory) and reused after. Concurrent callers,
 * in any process, are safe: each unpacks into a directory of its own that is renamed into place
 * whole, and the first rename wins. Throws on a platform other than x64 Linux (set
 * `VERITY_CHROMIUM` there) or when the package's files cannot be read or written out.
 */
export async function bundledChromium(root = tmpdir()): Promise<ChromiumBuild> {
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(
      `@sparticuz/chromium ships Chromium for x64 Linux only, not ${process.platform}-${process.arch}: ` +
        "set VERITY_CHROMIUM to a Chromium executable",
    );
  }
  const dir = join(root, `verity-chromium-${version}`);
  if (!existsSync(dir)) {
    const staging = await mkdtemp(`${dir}-unpacking-`);
    try {
      await unpack(staging, dir);
      await rename(staging, dir).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
      });
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
  return {
    executablePath: join(dir, "chromium"),
    env: { LD_LIBRARY_PATH: join(dir, "lib"), FONTCONFIG_FILE: join(dir, "fonts.conf") },
  };
}
