package tongban.shared.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tongban.shared.DataKeys;
import tongban.shared.Secrets;

/** {@link Secrets} in {@code shared_secret}, each value encrypted with the data keys once these are known to match. */
@Component
class JdbcSecrets implements Secrets {

	private final JdbcClient jdbc;
	private final DataKeys keys;

	/** Only after the data keys were checked against the cluster's: a wrong key would fail on every secret. */
	JdbcSecrets(JdbcClient jdbc, DataKeys keys, KeyFingerprints checked) {
		this.jdbc = jdbc;
		this.keys = keys;
	}

	@Override
	public Optional<String> get(String name) {
		return jdbc.sql("select value from shared_secret where name = ?").param(name).query(String.class).optional().map(keys::decrypt);
	}

	@Override
	public boolean putIfAbsent(String name, String value) {
		return jdbc.sql("insert into shared_secret (name, value) values (?, ?) on conflict (name) do nothing")
			.params(name, keys.encrypt(value))
			.update() == 1;
	}
}
