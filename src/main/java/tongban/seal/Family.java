package tongban.seal;

/**
 * The two algorithm families of the platform's keys: ECDSA on P-256 with SHA-256 (PAdES, read by any PDF reader and
 * by EU DSS), and SM2 with SM3 (GB/T 38540 seals on OFD; curve 1.2.156.10197.1.301).
 */
public enum Family {

	P256("secp256r1", "SHA256withECDSA"), SM2("sm2p256v1", "SM3withSM2");

	private final String curve;
	private final String signatureAlgorithm;

	Family(String curve, String signatureAlgorithm) {
		this.curve = curve;
		this.signatureAlgorithm = signatureAlgorithm;
	}

	public String curve() {
		return curve;
	}

	public String signatureAlgorithm() {
		return signatureAlgorithm;
	}
}
