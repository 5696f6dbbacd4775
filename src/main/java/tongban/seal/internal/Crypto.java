package tongban.seal.internal;

import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** BouncyCastle as a JCA provider (SM2, SM3, and PKCS#12 stores holding SM2 keys). */
public final class Crypto {

	public static final String PROVIDER = BouncyCastleProvider.PROVIDER_NAME;

	private Crypto() {
	}

	public static void install() {
		if (Security.getProvider(PROVIDER) == null) {
			Security.addProvider(new BouncyCastleProvider());
		}
	}
}
