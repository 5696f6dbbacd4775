package tongban.seal.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import tongban.shared.Secrets;
import tongban.shared.TongbanProperties;

/**
 * The default key store (the cluster's database, encrypted with the data keys: ADR 0045; a key store file of an earlier
 * version under TONGBAN_DATA_DIR/keys is imported once) and the platform CA kept in it.
 */
@Configuration(proxyBeanMethods = false)
class SealConfiguration {

	@Bean
	@ConditionalOnMissingBean(SigningKeys.class)
	SigningKeys signingKeys(Secrets secrets, TongbanProperties properties, @Value("${tongban.keystore-password:}") String password) {
		DatabaseSigningKeys keys = new DatabaseSigningKeys(secrets);
		keys.importFile(properties.dataDir().toAbsolutePath().resolve("keys"), password);
		return keys;
	}

	@Bean
	PlatformCa platformCa(SigningKeys keys, @Value("${tongban.public-url:http://localhost:8080}") String publicUrl) {
		return new PlatformCa(keys, publicUrl);
	}

	@Bean
	TimeStamps timeStamps(SigningKeys keys, PlatformCa ca, JdbcClient jdbc) {
		// one sequence for every node: two nodes never give two time-stamps the same serial number (V240)
		return new TimeStamps(keys, ca, () -> jdbc.sql("select nextval('seal_timestamp_serial')").query(Long.class).single());
	}
}
