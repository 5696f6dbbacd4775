package tongban.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSObject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.identity.Role;
import tongban.identity.internal.ClientRegistrations;
import tongban.identity.internal.OidcSigningKeys;
import tongban.identity.internal.SigningKeyRotation;
import tongban.identity.internal.SigningKeyStatus;
import tongban.seal.Family;
import tongban.seal.SealManagement;
import tongban.seal.internal.DatabaseSigningKeys;
import tongban.seal.internal.SigningKeys;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;
import tongban.shared.KeyMismatch;
import tongban.shared.Secrets;
import tongban.shared.TongbanProperties;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.SamplePdfs;
import tongban.support.SecondNode;

/**
 * Two nodes on one database hold the same keys (ADR 0045): node A is the test's application, node B a second
 * application of the platform started in this JVM on A's database with A's data keys and a data folder of its own
 * (and a key version of its own that only decrypts). A node with other data keys refuses to start; a token, a seal and a
 * ciphertext made on one node are accepted on the other; an OIDC key rotation on A reaches B within a second; a key
 * file of an earlier version is imported into the database once.
 */
class KeysAcrossNodesIT extends IntegrationTest {

	private static final String SPARE_VERSION = "9";
	private static final String SPARE_KEY = randomKey();
	private static SecondNode nodeB;

	@Autowired
	private ApplicationContext nodeA;

	@Autowired
	private TongbanProperties properties;

	@Autowired
	private TransactionTemplate tx;

	@Autowired
	private KeyFingerprints fingerprints;

	@Autowired
	private OidcSigningKeys signingKeys;

	@Autowired
	private SigningKeyRotation rotation;

	@Autowired
	private ClientRegistrations clients;

	@Autowired
	private SealManagement seals;

	@Autowired
	private Secrets secrets;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	void startNodeB() throws Exception {
		// B also holds a newer version it does not encrypt with yet: the first phase of a rolling rotation
		nodeB = SecondNode.start(nodeA, dataKeys(SPARE_VERSION + ":" + SPARE_KEY + ";" + clusterKeys(), "1"));
	}

	@AfterAll
	void stopNodeB() {
		if (nodeB != null) {
			nodeB.close();
		}
		// no stored value is under the spare version: the cluster may go on without it
		fingerprints.retireAllBut(keys.currentVersion());
	}

	@Test
	void aNodeWithOtherDataKeysRefusesToStartWithOneSentence() {
		Throwable failure = SecondNode.tryStart(nodeA, dataKeys("1:" + randomKey(), ""))
			.orElseThrow(() -> new AssertionError("a node with other data keys started"));
		KeyMismatch mismatch = (KeyMismatch) NestedExceptionUtils.getMostSpecificCause(failure);
		assertThat(mismatch.getMessage()).contains("TONGBAN_DATA_KEYS").doesNotContain("\n");
		FailureAnalysis analysis = new KeyMismatchFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).isEqualTo(mismatch.getMessage());
		assertThat(analysis.getAction()).contains("docs/cluster.md");
	}

	@Test
	void aNodeRefusesToEncryptWithAVersionTheClusterWasNotGivenFirstAndToLoseOneStillInUse() {
		String unknown = "7:" + randomKey() + ";" + clusterKeys();
		assertThatThrownBy(() -> check(DataKeys.of(unknown, "7"))).isInstanceOf(KeyMismatch.class).hasMessageContaining("TONGBAN_DATA_KEY_CURRENT");
		// the spare version was given to the cluster by B (decrypt-only): a node may now encrypt with it
		check(DataKeys.of(SPARE_VERSION + ":" + SPARE_KEY + ";" + clusterKeys(), SPARE_VERSION));
		// while the spare version is not retired, a node without it refuses; an other key under its number too
		assertThatThrownBy(() -> check(DataKeys.of(clusterKeys()))).isInstanceOf(KeyMismatch.class).hasMessageContaining("lacks key version 9");
		assertThatThrownBy(() -> check(DataKeys.of(SPARE_VERSION + ":" + randomKey() + ";" + clusterKeys(), "1")))
			.isInstanceOf(KeyMismatch.class).hasMessageContaining("Key version 9");
		// keys reordered make another key the blind-index key
		assertThatThrownBy(() -> check(DataKeys.of(clusterKeys() + ";" + SPARE_VERSION + ":" + SPARE_KEY, "1")))
			.isInstanceOf(KeyMismatch.class).hasMessageContaining("blind-index");
		// once a re-encryption pass finds nothing under another version, nodes may drop it
		fingerprints.retireAllBut(keys.currentVersion());
		check(DataKeys.of(clusterKeys()));
	}

	@Test
	void aValueEncryptedOnOneNodeDecryptsOnTheOtherAndIsFoundByTheSameIndex() {
		DataKeys keysOfB = nodeB.bean(DataKeys.class);
		String stored = keys.encrypt("330106199001011234");
		assertThat(keysOfB.decrypt(stored)).isEqualTo("330106199001011234");
		assertThat(keys.decrypt(keysOfB.encrypt("13800138000"))).isEqualTo("13800138000");
		assertThat(keysOfB.blindIndex("330106199001011234")).isEqualTo(keys.blindIndex("330106199001011234"));
		assertThat(keysOfB.currentVersion()).isEqualTo(keys.currentVersion());
	}

	@Test
	void aDocumentSealedOnOneNodeVerifiesOnTheOther() {
		SealManagement sealsOfB = nodeB.bean(SealManagement.class);
		byte[] onA = seals.sealIssuedDocument("XH-SCJG", SamplePdfs.blank(), "keys-" + UUID.randomUUID(), "跨节点", "测试");
		assertThat(sealsOfB.checkPdf(onA).valid()).isTrue();
		byte[] onB = sealsOfB.sealIssuedDocument("XH-SCJG", SamplePdfs.blank(), "keys-" + UUID.randomUUID(), "跨节点", "测试");
		assertThat(seals.checkPdf(onB).valid()).isTrue();
		assertThat(sealsOfB.root(Family.SM2)).isEqualTo(seals.root(Family.SM2));
	}

	@Test
	void anAccessTokenOfOneNodeIsAcceptedByTheOtherAndARotationInTheConsoleReachesItWithinASecond() throws Exception {
		String client = "keys-" + UUID.randomUUID();
		String before = clientToken(clients, client, "audit");
		String oldKid = kid(before);
		assertThat(me(portOfB(), before)).isEqualTo(200);
		assertThat(jwks(portOfB())).contains(oldKid);

		FormSession admin = FormSession.staff(url(""), newStaff("XH-SCJG", Role.PLATFORM_ADMIN, "密钥管理员"));
		assertThat(admin.postFrom("/console/keys", "/console/keys").statusCode()).isEqualTo(302);
		String newKid = rotation.list().getFirst().kid();
		assertThat(newKid).isNotEqualTo(oldKid);
		assertThat(admin.get("/console/keys").body()).contains("已新增密钥 " + newKid).contains("已公布");
		Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(() -> jwks(portOfB()).contains(newKid));
		// published, not yet signing: tokens are still signed by the old key
		assertThat(kid(clientToken(clients, client + "-2", "audit"))).isEqualTo(oldKid);

		admin.postFrom("/console/keys", "/console/keys/" + newKid + "/activate");
		assertThat(admin.get("/console/keys").body()).contains("密钥 " + newKid + " 已开始签名");
		String after = clientToken(clients, client + "-3", "audit");
		assertThat(kid(after)).isEqualTo(newKid);
		assertThat(me(portOfB(), after)).isEqualTo(200);
		// B signs with the new key too, within a second, and A accepts what B issued
		Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
			.until(() -> newKid.equals(nodeB.bean(OidcSigningKeys.class).signingKeyId()));
		String fromB = tokenFrom(portOfB(), client + "-3");
		assertThat(kid(fromB)).isEqualTo(newKid);
		assertThat(me(port, fromB)).isEqualTo(200);
		// the token signed before the rotation still verifies on both
		assertThat(me(portOfB(), before)).isEqualTo(200);
		assertThat(me(port, before)).isEqualTo(200);

		// the old key leaves only when no token it signed can still be valid
		admin.postFrom("/console/keys", "/console/keys/" + oldKid + "/retire");
		assertThat(admin.get("/console/keys").body()).contains("签发的令牌可能还有效").contains("error-summary");
		assertThatThrownBy(() -> rotation.retire(oldKid, "keys-test")).isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("code", "signing-key.tokens-valid");
		assertThat(signingKeys.statuses()).containsEntry(oldKid, SigningKeyStatus.PUBLISHED);
		clock.set(clock.instant().plus(SigningKeyRotation.OVERLAP).plusSeconds(1));
		admin.postFrom("/console/keys", "/console/keys/" + oldKid + "/retire");
		clock.reset();
		assertThat(admin.get("/console/keys").body()).contains("密钥 " + oldKid + " 已停用");
		Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(() -> !jwks(portOfB()).contains(oldKid));
		assertThat(me(portOfB(), before)).isEqualTo(401);
		assertThat(signingKeys.statuses()).containsEntry(newKid, SigningKeyStatus.SIGNING).containsEntry(oldKid, SigningKeyStatus.RETIRED);
		assertThat(jdbc.sql("select count(*) from audit_entry where kind = 'KEY_ROTATION' and subject in (?, ?)").params("oidc:" + newKid, "oidc:" + oldKid)
			.query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void aSealKeyStoreFileOfAnEarlierVersionIsImportedOnceAndAForeignOneRefused() throws Exception {
		SigningKeys.Entry existing = nodeB.bean(SigningKeys.class).get("issuing-p256").orElseThrow();
		Path dir = Files.createTempDirectory(properties.dataDir().getParent(), "legacy-keys");
		String alias = "legacy-" + UUID.randomUUID();
		writeKeyStore(dir, alias, existing);
		new DatabaseSigningKeys(secrets).importFile(dir, "legacy-password");
		assertThat(Files.exists(dir.resolve("seals.p12"))).isFalse();
		assertThat(Files.exists(dir.resolve("seals.p12.imported"))).isTrue();
		// every node reads the imported key from the database
		assertThat(nodeB.bean(SigningKeys.class).get(alias).orElseThrow().certificate()).isEqualTo(existing.certificate());

		// a file whose root is not the cluster's belongs to another installation
		writeKeyStore(dir, "root-p256", existing);
		assertThatThrownBy(() -> new DatabaseSigningKeys(secrets).importFile(dir, "legacy-password")).isInstanceOf(KeyMismatch.class)
			.hasMessageContaining("seal key (root-p256)");
	}

	private static void writeKeyStore(Path dir, String alias, SigningKeys.Entry entry) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12", "BC");
		store.load(null, null);
		store.setKeyEntry(alias, entry.key(), "legacy-password".toCharArray(), entry.chain().toArray(Certificate[]::new));
		try (OutputStream out = Files.newOutputStream(dir.resolve("seals.p12"))) {
			store.store(out, "legacy-password".toCharArray());
		}
	}

	// ---- helpers

	private void check(DataKeys candidate) {
		new KeyFingerprints(jdbc, candidate, tx).afterPropertiesSet();
	}

	private String clusterKeys() {
		try {
			return Files.readString(properties.dataDir().resolve("keys").resolve("data.keys")).strip();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	/** A node's data keys ({@code TONGBAN_DATA_KEYS}) and the version that encrypts ({@code TONGBAN_DATA_KEY_CURRENT}). */
	private static Map<String, String> dataKeys(String dataKeys, String current) {
		return Map.of("tongban.data-keys", dataKeys, "tongban.data-key-current", current);
	}

	private int portOfB() {
		return nodeB.port();
	}

	private int me(int nodePort, String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + nodePort + "/api/me")).header("Authorization", "Bearer " + token)
			.GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private String jwks(int nodePort) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + nodePort + "/oauth2/jwks")).GET().build(),
				HttpResponse.BodyHandlers.ofString()).body();
	}

	/** A client-credentials token from the node's own token endpoint, for a client registered (on A) by the helper. */
	private String tokenFrom(int nodePort, String clientId) throws Exception {
		String secret = "secret-" + UUID.randomUUID();
		clients.save(clientId + "-b", "测试部门系统 " + clientId, secret, List.of("client_credentials"), List.of("audit"), List.of(), List.of());
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + nodePort + "/oauth2/token"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + "-b:" + secret).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=audit"))
			.build(), HttpResponse.BodyHandlers.ofString());
		var matcher = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
		assertThat(matcher.find()).as(response.body()).isTrue();
		return matcher.group(1);
	}

	private static String kid(String token) throws Exception {
		return JWSObject.parse(token).getHeader().getKeyID();
	}
}
