package tongban.seal.internal;

import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** BouncyCastle as a JCA provider (SM2, SM3, and PKCS#12 stores holding SM2 keys). */
public final class Crypto {

	public static final String PROVIDER = BouncyCastleProvider.PROVIDER_NAME;

	private Crypto() {
	}

	/** The common name of a certificate's subject (a seal's name), for people to read. */
	public static String commonName(java.security.cert.X509Certificate cert) {
		var name = org.bouncycastle.asn1.x500.X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
		var cn = name.getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN);
		return cn.length == 0 ? cert.getSubjectX500Principal().getName()
				: org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(cn[0].getFirst().getValue());
	}

	/**
	 * Whether the certificate chains to the root through certificates of the pool, each valid today and signed by the
	 * next; false when no such chain is found or the last link to the root does not verify. A broken intermediate link
	 * or an expired certificate throws.
	 */
	public static boolean chainsTo(java.security.cert.X509Certificate cert, java.util.Collection<java.security.cert.X509Certificate> pool,
			java.security.cert.X509Certificate root) throws java.security.GeneralSecurityException {
		java.security.cert.X509Certificate current = cert;
		for (int depth = 0; depth < 5; depth++) {
			current.checkValidity();
			if (current.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
				try {
					current.verify(root.getPublicKey(), PROVIDER);
					return true;
				}
				catch (java.security.GeneralSecurityException e) {
					return false;
				}
			}
			java.security.cert.X509Certificate child = current;
			java.security.cert.X509Certificate parent = pool.stream()
				.filter(p -> p.getSubjectX500Principal().equals(child.getIssuerX500Principal()) && !p.equals(child))
				.findFirst()
				.orElse(null);
			if (parent == null) {
				return false;
			}
			child.verify(parent.getPublicKey(), PROVIDER);
			current = parent;
		}
		return false;
	}

	public static void install() {
		if (Security.getProvider(PROVIDER) == null) {
			Security.addProvider(new BouncyCastleProvider());
		}
	}
}
