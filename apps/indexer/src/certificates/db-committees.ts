import { type Db, readCommittee, recordCommittee } from "@verity/db";
import type { CommitteeStore } from "./verifier.ts";

/**
 * The `CommitteeStore` of `network` over `@verity/db`'s `committees` table (epochs and
 * checkpoint sequence numbers are safe integers there).
 */
export function databaseCommittees(db: Db, network: string): CommitteeStore {
  return {
    async read(epoch) {
      return (await readCommittee(db, network, Number(epoch)))?.committee;
    },
    async record(epoch, committee, establishedBy) {
      await recordCommittee(db, {
        network,
        epoch: Number(epoch),
        committee,
        establishedBy: establishedBy === null ? null : Number(establishedBy),
      });
    },
  };
}
