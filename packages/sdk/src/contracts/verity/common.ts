import { bcs } from "@mysten/sui/bcs";

/** `0x2::object::ID`: a 32-byte object id, decoded as a 0x-prefixed hex string. */
export const ID = bcs.Address;

/** `std::string::String`: UTF-8 bytes with a ULEB128 length. */
export const MoveString = bcs.string();

/** A Walrus blob id as Move stores it: `u256`, decoded as a decimal string. */
export const BlobId = bcs.u256();

/** A byte vector (`vector<u8>`): SHA-256 digests, public keys, signatures. */
export const Bytes = bcs.vector(bcs.u8());
