import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { selectRows, textArray } from "../src/raw.ts";
import { drivers, type TestDriver, useDatabase } from "./support/databases.ts";

describe.each(drivers)("selectRows ($name)", (driver) => {
  const handle = useDatabase(driver);

  it("gives the rows db.execute gives, array parameters and nulls included", async () => {
    const query = sql`
      select s.id, s.n::int as n, s.id is null as missing
      from unnest(${textArray(["b", null, 'q"uo\\te'])}) with ordinality as s(id, n)
      order by s.n`;
    const rows = await selectRows<{ id: string | null; n: number; missing: boolean }>(
      handle.db,
      query,
    );
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { id: "b", n: 1, missing: false },
      { id: null, n: 2, missing: true },
      { id: 'q"uo\\te', n: 3, missing: false },
    ]);
  });
});

describe("selectRows (postgres)", () => {
  const handle = useDatabase(drivers.find((d) => d.name === "postgres") as TestDriver);

  it("prepares its statement, planned for its arguments each time", async () => {
    // The statement lists the named statements of its own connection, itself among them when
    // prepared (drizzle's `execute` runs it unnamed: not listed). With a parameter, as every
    // statement of the queries has.
    const listed = await selectRows<{ statement: string }>(
      handle.db,
      sql`select statement from pg_prepared_statements where statement like ${"%pg_prepared_%"}`,
    );
    expect(listed).toHaveLength(1);
    const [setting] = await selectRows<{ mode: string }>(
      handle.db,
      sql`select current_setting('plan_cache_mode') as mode`,
    );
    expect(setting?.mode).toBe("force_custom_plan");
  });
});
