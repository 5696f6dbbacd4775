package tongban.seal.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import tongban.shared.LegacyKeyFiles;

/**
 * The seal key store file of versions before ADR 0045 ({@code keys/seals.p12}, BouncyCastle's PKCS#12, which holds SM2
 * keys too), opened with {@code TONGBAN_KEYSTORE_PASSWORD} or the password generated next to it
 * ({@code keys/keystore.password}), read once so that {@link DatabaseSigningKeys} imports its keys.
 */
final class Pkcs12KeyFile {

	private Pkcs12KeyFile() {
	}

	/** Every key of the file with its chain, by alias. */
	static Map<String, SigningKeys.Entry> read(Path file, String configuredPassword) {
		Crypto.install();
		char[] password = (configuredPassword != null && !configuredPassword.isBlank() ? configuredPassword
				: LegacyKeyFiles.read(file.resolveSibling("keystore.password")).orElse("")).toCharArray();
		try (InputStream in = Files.newInputStream(file)) {
			KeyStore store = KeyStore.getInstance("PKCS12", Crypto.PROVIDER);
			store.load(in, password);
			Map<String, SigningKeys.Entry> entries = new LinkedHashMap<>();
			for (String alias : Collections.list(store.aliases())) {
				if (store.isKeyEntry(alias)) {
					entries.put(alias, new SigningKeys.Entry((PrivateKey) store.getKey(alias, password),
							Arrays.stream(store.getCertificateChain(alias)).map(X509Certificate.class::cast).toList()));
				}
			}
			return entries;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot open the key store " + file + " (wrong TONGBAN_KEYSTORE_PASSWORD?)", e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot open the key store " + file, e);
		}
	}
}
