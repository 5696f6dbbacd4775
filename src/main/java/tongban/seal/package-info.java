/**
 * 电子印章: the platform's certificate authority (ECDSA P-256 and SM2 families), the seal registry per department,
 * and sealing of documents (PDF with a PAdES signature), each use recorded. Keys live behind {@code SigningKeys}, in
 * the cluster's database (encrypted with the data keys) by default and a PKCS#11 device in production.
 */
package tongban.seal;
