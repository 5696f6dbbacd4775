package tongban.seal.internal;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import tongban.seal.Family;

/**
 * Where the platform's private keys live. The default ({@link DatabaseSigningKeys}) keeps them in the cluster's
 * database, encrypted with the data keys, the same for every node (ADR 0045); a production installation provides
 * another bean of this type backed by a certified device through PKCS#11 (SunPKCS11 or BouncyCastle's provider), where
 * keys are generated on the device and never leave it (docs/seals.md).
 */
public interface SigningKeys {

	/** A key and its certificate chain, the key's own certificate first. */
	record Entry(PrivateKey key, List<X509Certificate> chain) {

		public X509Certificate certificate() {
			return chain.getFirst();
		}
	}

	/** Generates a new key pair of the family under the alias (not usable until {@link #certify}). */
	KeyPair generate(String alias, Family family);

	/** Stores the certificate chain of a key generated under the alias, making it usable. */
	void certify(String alias, List<X509Certificate> chain);

	Optional<Entry> get(String alias);
}
