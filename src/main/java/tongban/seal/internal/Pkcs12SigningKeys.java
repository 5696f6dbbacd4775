package tongban.seal.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tongban.seal.Family;

/**
 * Keys in a PKCS#12 file (BouncyCastle's implementation, which holds SM2 keys too), written atomically on every change.
 * The password comes from {@code TONGBAN_KEYSTORE_PASSWORD}; without it (development, demo) a random one is created
 * once next to the file, readable only by its owner, and a warning says so at every start. Since ADR 0045 the platform
 * keeps its seal keys in the database ({@link DatabaseSigningKeys}); this store is read once, to import a file of an
 * earlier version.
 */
public class Pkcs12SigningKeys implements SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(Pkcs12SigningKeys.class);

	private final Path file;
	private final char[] password;
	private final KeyStore store;
	private final Map<String, KeyPair> pending = new ConcurrentHashMap<>();
	private final Map<String, Entry> cache = new ConcurrentHashMap<>();

	public Pkcs12SigningKeys(Path dir, String configuredPassword) {
		Crypto.install();
		try {
			Files.createDirectories(dir);
			this.file = dir.resolve("seals.p12");
			this.password = password(dir, configuredPassword);
			this.store = KeyStore.getInstance("PKCS12", Crypto.PROVIDER);
			if (Files.exists(file)) {
				try (InputStream in = Files.newInputStream(file)) {
					store.load(in, password);
				}
			}
			else {
				store.load(null, null);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot open the key store in " + dir + " (wrong TONGBAN_KEYSTORE_PASSWORD?)", e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot open the key store in " + dir, e);
		}
	}

	private static char[] password(Path dir, String configured) throws IOException {
		if (configured != null && !configured.isBlank()) {
			return configured.toCharArray();
		}
		Path generated = dir.resolve("keystore.password");
		if (!Files.exists(generated)) {
			byte[] random = new byte[24];
			new SecureRandom().nextBytes(random);
			Files.writeString(generated, HexFormat.of().formatHex(random));
			try {
				Files.setPosixFilePermissions(generated, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException e) {
				// not a POSIX file system: the folder's own protection applies
			}
		}
		log.warn("TONGBAN_KEYSTORE_PASSWORD is not set: the seal key store uses the generated password in {}; "
				+ "set the variable (or use a PKCS#11 device) in production", generated);
		return Files.readString(generated).strip().toCharArray();
	}

	@Override
	public KeyPair generate(String alias, Family family) {
		try {
			KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Crypto.PROVIDER);
			g.initialize(new ECGenParameterSpec(family.curve()), new SecureRandom());
			KeyPair pair = g.generateKeyPair();
			pending.put(alias, pair);
			return pair;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public synchronized void certify(String alias, List<X509Certificate> chain) {
		KeyPair pair = pending.remove(alias);
		if (pair == null) {
			throw new IllegalStateException("no key generated under " + alias);
		}
		try {
			store.setKeyEntry(alias, pair.getPrivate(), password, chain.toArray(Certificate[]::new));
			Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
			try (OutputStream out = Files.newOutputStream(tmp)) {
				store.store(out, password);
			}
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			cache.put(alias, new Entry(pair.getPrivate(), List.copyOf(chain)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Every alias holding a key: what an import into the database copies (ADR 0045). */
	public List<String> aliases() {
		try {
			return Collections.list(store.aliases()).stream().filter(alias -> {
				try {
					return store.isKeyEntry(alias);
				}
				catch (GeneralSecurityException e) {
					throw new IllegalStateException(e);
				}
			}).toList();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public Optional<Entry> get(String alias) {
		Entry cached = cache.get(alias);
		if (cached != null) {
			return Optional.of(cached);
		}
		try {
			if (!store.isKeyEntry(alias)) {
				return Optional.empty();
			}
			PrivateKey key = (PrivateKey) store.getKey(alias, password);
			List<X509Certificate> chain = Arrays.stream(store.getCertificateChain(alias)).map(c -> (X509Certificate) c).toList();
			Entry e = new Entry(key, chain);
			cache.put(alias, e);
			return Optional.of(e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
