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

	public static void install() {
		if (Security.getProvider(PROVIDER) == null) {
			Security.addProvider(new BouncyCastleProvider());
		}
	}
}
