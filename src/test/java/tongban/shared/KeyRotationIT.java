package tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.shared.internal.ReEncryption;
import tongban.support.IntegrationTest;

/**
 * Key rotation as docs/security.md describes it: with a new key put first, old values still decrypt, new ones are written
 * under the new version, blind indexes stay the same, and the re-encryption pass moves every old value to the new key;
 * a key set without the old key cannot read old values, and an altered ciphertext does not decrypt.
 */
class KeyRotationIT extends IntegrationTest {

	@Autowired
	ReEncryption reEncryption;

	static String key() {
		byte[] k = new byte[32];
		new java.security.SecureRandom().nextBytes(k);
		return Base64.getEncoder().encodeToString(k);
	}

	@Test
	void aRotatedKeyReadsOldValuesAndTheReEncryptionMovesThem() {
		String oldKey = key();
		String newKey = key();
		DataKeys before = DataKeys.of("1:" + oldKey);
		DataKeys after = DataKeys.of("2:" + newKey + ";1:" + oldKey);
		String stored = before.encrypt("330106199001010018");
		assertThat(stored).startsWith("1$");
		assertThat(after.decrypt(stored)).isEqualTo("330106199001010018");
		assertThat(after.encrypt("x")).startsWith("2$");
		assertThat(after.blindIndex("330106199001010018")).isEqualTo(before.blindIndex("330106199001010018"));
		assertThat(after.mac("m")).isEqualTo(before.mac("m"));
		assertThatThrownBy(() -> DataKeys.of("2:" + newKey).decrypt(stored)).isInstanceOf(IllegalStateException.class);
		byte[] raw = Base64.getDecoder().decode(stored.substring(2));
		raw[20] ^= 1; // one bit of the ciphertext
		String altered = "1$" + Base64.getEncoder().encodeToString(raw);
		assertThatThrownBy(() -> before.decrypt(altered)).isInstanceOf(IllegalStateException.class);

		String table = "rotation_" + UUID.randomUUID().toString().replace("-", "");
		jdbc.sql("create table " + table + " (id int primary key, v text)").update();
		for (int i = 0; i < 5; i++) {
			jdbc.sql("insert into " + table + " values (?, ?)").params(i, before.encrypt("value " + i)).update();
		}
		var column = new ReEncryption.Column(table, "id", "v");
		assertThat(ReEncryption.reencrypt(jdbc, after, column, 3)).isEqualTo(3);
		assertThat(ReEncryption.reencrypt(jdbc, after, column, 1000)).isEqualTo(2);
		assertThat(ReEncryption.reencrypt(jdbc, after, column, 1000)).isZero();
		var values = jdbc.sql("select v from " + table + " order by id").query(String.class).list();
		assertThat(values).allSatisfy(v -> assertThat(v).startsWith("2$"));
		assertThat(values.stream().map(DataKeys.of("2:" + newKey + ";1:" + oldKey)::decrypt).toList())
			.containsExactly("value 0", "value 1", "value 2", "value 3", "value 4");
		jdbc.sql("drop table " + table).update();
	}

	@Test
	void everyListedColumnExistsAndNothingIsStaleUnderTheRunningKey() {
		for (var c : reEncryption.columns()) {
			assertThat(jdbc.sql("select count(*) from information_schema.columns where table_name = ? and column_name = ?").params(c.table(), c.column())
				.query(Long.class).single()).as(c.toString()).isEqualTo(1);
			assertThat(ReEncryption.reencrypt(jdbc, keys, c, 10)).as(c.toString()).isZero();
		}
	}

	/** A column holding values encrypted under the running key but missing from the list would never be rotated. */
	@Test
	void everyColumnHoldingEncryptedValuesIsListedForRotation() {
		var listed = reEncryption.columns().stream().map(c -> c.table() + "." + c.column()).collect(java.util.stream.Collectors.toSet());
		var columns = jdbc.sql("select table_name, column_name from information_schema.columns where table_schema = 'public' "
				+ "and data_type in ('text', 'character varying') and table_name not like 'flowable%' and table_name not like 'act_%' "
				+ "and table_name not like 'flw_%'")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		var found = new java.util.ArrayList<String>();
		for (String[] c : columns) {
			long n = jdbc.sql("select count(*) from \"" + c[0] + "\" where left(\"" + c[1] + "\", ?) = ?")
				.params(keys.currentPrefix().length(), keys.currentPrefix())
				.query(Long.class)
				.single();
			if (n > 0) {
				found.add(c[0] + "." + c[1]);
			}
		}
		assertThat(found).contains("hotline_ticket.phone", "identity_account.mobile_enc");
		assertThat(listed).containsAll(found);
	}
}
