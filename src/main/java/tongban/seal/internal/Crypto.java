package tongban.seal.internal;

import java.security.GeneralSecurityException;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.Collection;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** BouncyCastle as a JCA provider (SM2, SM3, and PKCS#12 stores holding SM2 keys). */
public final class Crypto {

	public static final String PROVIDER = BouncyCastleProvider.PROVIDER_NAME;

	private Crypto() {
	}

	/** The common name of a certificate's subject (a seal's name), for people to read. */
	public static String commonName(X509Certificate cert) {
		var name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
		var cn = name.getRDNs(BCStyle.CN);
		return cn.length == 0 ? cert.getSubjectX500Principal().getName()
				: IETFUtils.valueToString(cn[0].getFirst().getValue());
	}

	/**
	 * Whether the certificate chains to the root through certificates of the pool, each valid today and signed by the
	 * next; false when no such chain is found or the last link to the root does not verify. A broken intermediate link
	 * or an expired certificate throws.
	 */
	public static boolean chainsTo(X509Certificate cert, Collection<X509Certificate> pool,
			X509Certificate root) throws GeneralSecurityException {
		X509Certificate current = cert;
		for (int depth = 0; depth < 5; depth++) {
			current.checkValidity();
			if (current.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
				try {
					current.verify(root.getPublicKey(), PROVIDER);
					return true;
				}
				catch (GeneralSecurityException e) {
					return false;
				}
			}
			X509Certificate child = current;
			X509Certificate parent = pool.stream()
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
