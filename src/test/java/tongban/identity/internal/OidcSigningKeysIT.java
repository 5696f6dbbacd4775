package tongban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.shared.ClusterSignals;
import tongban.shared.KeyMismatch;
import tongban.shared.Secrets;
import tongban.shared.TongbanProperties;
import tongban.support.IntegrationTest;

/**
 * A node's {@code keys/oidc-signing-key.json} of an earlier version (ADR 0045): once the cluster has its signing keys in
 * the database, a file holding one of them is set aside and no longer read, and a file holding any other key stops the
 * node's start with one sentence.
 */
class OidcSigningKeysIT extends IntegrationTest {

	@Autowired
	private Secrets secrets;

	@Autowired
	private TransactionTemplate tx;

	@Autowired
	private ClusterSignals signals;

	@Autowired
	private OidcSigningKeys keys;

	@Autowired
	private TongbanProperties properties;

	@Test
	void aKeyFileOfAnotherInstallationStopsTheStartAndTheClustersOwnIsSetAside() throws Exception {
		Path dir = Files.createTempDirectory(properties.dataDir().getParent(), "oidc-keys");
		Path file = dir.resolve("oidc-signing-key.json");

		Files.writeString(file, OidcSigningKeys.generate().toJSONString());
		assertThatThrownBy(() -> new OidcSigningKeys(jdbc, secrets, tx, clock, signals, file)).isInstanceOf(KeyMismatch.class)
			.hasMessageContaining("oidc-signing-key.json holds an OIDC signing key that is not the cluster's");
		assertThat(Files.exists(file)).isTrue();

		Files.writeString(file, secrets.get("oidc/" + keys.signingKeyId()).orElseThrow());
		OidcSigningKeys started = new OidcSigningKeys(jdbc, secrets, tx, clock, signals, file);
		assertThat(started.signingKeyId()).isEqualTo(keys.signingKeyId());
		assertThat(Files.exists(file)).isFalse();
		assertThat(Files.exists(dir.resolve("oidc-signing-key.json.imported"))).isTrue();
	}
}
