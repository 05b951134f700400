/** Why a certificate was refused. */
export class CertificateError extends Error {
  override name = "CertificateError";
}
