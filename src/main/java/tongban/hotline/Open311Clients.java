package tongban.hotline;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.shared.Hashes;

/** The Open311 clients and their keys (only a key's hash is kept); whether a client confirms phones itself. */
@Service
public class Open311Clients {

	/** A registered client. */
	public record Client(String name, boolean verifiesPhone) {
	}

	private final JdbcClient jdbc;
	private final SecureRandom random = new SecureRandom();

	Open311Clients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Registers an Open311 client and returns its key, shown once; only its hash is kept. */
	@Transactional
	public String register(String name, boolean verifiesPhone) {
		byte[] key = new byte[24];
		random.nextBytes(key);
		String text = HexFormat.of().formatHex(key);
		jdbc.sql("insert into hotline_api_client (name, key_hash, verifies_phone) values (?, ?, ?)")
			.params(name, hash(text), verifiesPhone)
			.update();
		return text;
	}

	/** Registers a client with a key chosen by the caller (demo data only). */
	@Transactional
	public void register(String name, String key, boolean verifiesPhone) {
		jdbc.sql("insert into hotline_api_client (name, key_hash, verifies_phone) values (?, ?, ?) on conflict (name) do nothing")
			.params(name, hash(key), verifiesPhone)
			.update();
	}

	/** The client this key belongs to, unless revoked. */
	public Optional<Client> byKey(String key) {
		if (key == null || key.isBlank() || key.length() > 200) {
			return Optional.empty();
		}
		return jdbc.sql("select name, verifies_phone from hotline_api_client where key_hash = ? and revoked_at is null")
			.param(hash(key))
			.query((rs, row) -> new Client(rs.getString(1), rs.getBoolean(2)))
			.optional();
	}

	private static String hash(String key) {
		return Hashes.sha256Hex(key.getBytes(StandardCharsets.UTF_8));
	}
}
