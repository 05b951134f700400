// The explorer's trust anchor: the committee file the user pins (`committee.bcs`: BCS
// `{ epoch, members: [{ public_key, stake }] }`, as `verity demo` writes it), kept in
// localStorage as base64 so that it persists, shown with its epoch and validator count, with a
// control to forget it. Proofs are checked against it only: the page trusts no committee the
// server sends.

/** The localStorage key of the pinned committee file (base64). */
const KEY = "verity.committee";

/** Base64 of `bytes`. */
function toBase64(bytes) {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

/**
 * Wires the anchor's controls: `els.input` (the committee file input), `els.status` (what is
 * pinned) and `els.forget` (a button). `describe(base64)` reads a committee file (see
 * `proofs.js`: `{ epoch, validators }`, or a rejection saying why it is not one). `onChange` is
 * called with the pinned anchor, `{ base64, epoch, validators }`, or null: once the stored one
 * is read (null when none, or when it is no longer a committee file: then it is forgotten), and
 * on each pin and forget.
 */
export function committeeAnchor(els, describe, onChange) {
  const show = (anchor, note = "") => {
    els.status.textContent =
      (anchor
        ? `Pinned: the committee of epoch ${anchor.epoch} (${anchor.validators} validators).`
        : "No committee pinned: proofs are not verified.") + (note ? ` ${note}` : "");
    els.status.dataset.epoch = anchor ? anchor.epoch : "";
    els.forget.hidden = !anchor;
  };
  let pinned = null;

  async function pin(base64, store) {
    const { epoch, validators } = await describe(base64);
    if (store) localStorage.setItem(KEY, base64);
    pinned = { base64, epoch, validators };
    show(pinned);
    onChange(pinned);
  }

  els.input.addEventListener("change", async () => {
    const [file] = els.input.files;
    if (!file) return;
    try {
      await pin(toBase64(new Uint8Array(await file.arrayBuffer())), true);
    } catch (error) {
      show(pinned, `${file.name} was not pinned: ${error.message}`);
    }
    els.input.value = "";
  });
  els.forget.addEventListener("click", () => {
    localStorage.removeItem(KEY);
    pinned = null;
    show(null);
    onChange(null);
  });

  const stored = localStorage.getItem(KEY);
  if (stored === null) {
    show(null);
    onChange(null);
  } else {
    pin(stored, false).catch((error) => {
      localStorage.removeItem(KEY);
      show(null, `The stored committee was forgotten: ${error.message}`);
      onChange(null);
    });
  }
}
