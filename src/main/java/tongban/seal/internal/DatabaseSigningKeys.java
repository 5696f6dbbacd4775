package tongban.seal.internal;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tongban.seal.Family;
import tongban.shared.KeyMismatch;
import tongban.shared.LegacyKeyFiles;
import tongban.shared.Secrets;

/**
 * The seal keys of every node in one place (ADR 0045): each key with its certificate chain is a {@link Secrets} entry
 * ({@code seal/<alias>}: the PKCS#8 key and the DER certificates, encrypted with the data keys). The first node to certify
 * an alias wins (two nodes creating the platform CA at once end with one), and every node reads an alias it has not
 * seen from the database. Aliases are never reused (a renewed time-stamp unit or a new seal gets a new alias), so what
 * a node keeps in memory never goes stale and needs no signal. A key store file of an earlier version
 * ({@code keys/seals.p12}) is imported on the first start and then set aside.
 */
public class DatabaseSigningKeys implements SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(DatabaseSigningKeys.class);
	private static final String PREFIX = "seal/";

	private final Secrets secrets;
	private final Map<String, KeyPair> pending = new ConcurrentHashMap<>();
	private final Map<String, Entry> cache = new ConcurrentHashMap<>();

	public DatabaseSigningKeys(Secrets secrets) {
		Crypto.install();
		this.secrets = secrets;
	}

	@Override
	public KeyPair generate(String alias, Family family) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Crypto.PROVIDER);
			generator.initialize(new ECGenParameterSpec(family.curve()), new SecureRandom());
			KeyPair pair = generator.generateKeyPair();
			pending.put(alias, pair);
			return pair;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Stores the key under the alias unless another node stored one first; {@link #get} then answers the stored one. */
	@Override
	public void certify(String alias, List<X509Certificate> chain) {
		KeyPair pair = pending.remove(alias);
		if (pair == null) {
			throw new IllegalStateException("no key generated under " + alias);
		}
		if (!secrets.putIfAbsent(PREFIX + alias, encode(new Entry(pair.getPrivate(), List.copyOf(chain))))) {
			log.info("seal key {} was made by another node at the same time; this node uses that one", alias);
		}
	}

	@Override
	public Optional<Entry> get(String alias) {
		Entry cached = cache.get(alias);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Entry> stored = secrets.get(PREFIX + alias).map(DatabaseSigningKeys::decode);
		stored.ifPresent(entry -> cache.put(alias, entry));
		return stored;
	}

	/**
	 * Imports the key store file of an earlier version (one node's {@code keys/seals.p12} and its password) into the
	 * database, then renames it so that it is no longer read. A file holding keys the cluster has under the same alias
	 * but different stops the start: it belongs to another installation.
	 */
	public void importFile(Path dir, String password) {
		Path file = dir.resolve("seals.p12");
		if (!Files.exists(file)) {
			return;
		}
		int imported = 0;
		for (var stored : Pkcs12KeyFile.read(file, password).entrySet()) {
			String alias = stored.getKey();
			Entry entry = stored.getValue();
			if (secrets.putIfAbsent(PREFIX + alias, encode(entry))) {
				imported++;
			}
			else if (!get(alias).orElseThrow().certificate().equals(entry.certificate())) {
				throw new KeyMismatch(file + " holds a seal key (" + alias + ") that is not the cluster's: remove the file from "
						+ "TONGBAN_DATA_DIR/keys (the cluster's seal keys are in the database).");
			}
		}
		LegacyKeyFiles.setAside(file, imported + " seal key(s) imported into the database");
		LegacyKeyFiles.setAside(dir.resolve("keystore.password"), "the password of the imported seal key store");
	}

	private static String encode(Entry entry) {
		try {
			List<String> parts = new ArrayList<>();
			parts.add(Base64.getEncoder().encodeToString(entry.key().getEncoded()));
			for (X509Certificate certificate : entry.chain()) {
				parts.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
			}
			return String.join("\n", parts);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Entry decode(String stored) {
		try {
			List<String> parts = Arrays.asList(stored.split("\n"));
			CertificateFactory certificates = CertificateFactory.getInstance("X.509", Crypto.PROVIDER);
			List<X509Certificate> chain = new ArrayList<>();
			for (String part : parts.subList(1, parts.size())) {
				chain.add((X509Certificate) certificates.generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(part))));
			}
			PrivateKey key = KeyFactory.getInstance("EC", Crypto.PROVIDER)
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(parts.getFirst())));
			return new Entry(key, List.copyOf(chain));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("a stored seal key does not read", e);
		}
	}
}
