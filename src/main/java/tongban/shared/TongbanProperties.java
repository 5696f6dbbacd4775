package tongban.shared;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code tongban.*}; every one is listed with its environment variable in README.md.
 *
 * @param dataDir folder for the embedded PostgreSQL and local files (TONGBAN_DATA_DIR)
 * @param demo load demo data; null means "only into the embedded database" (TONGBAN_DEMO)
 * @param demoPassword the password of every demo account (TONGBAN_DEMO_PASSWORD)
 * @param issuer the OIDC issuer URL; empty means derived from the request (TONGBAN_ISSUER)
 * @param otpValidity how long an SMS one-time code stays valid
 * @param lockThreshold failed sign-ins before an account is locked
 * @param lockBase first lock duration; each further lock doubles it
 */
@ConfigurationProperties("tongban")
public record TongbanProperties(Path dataDir, Boolean demo, String demoPassword, String issuer, Duration otpValidity,
		int lockThreshold, Duration lockBase) {

	public TongbanProperties {
		dataDir = dataDir == null ? Path.of("data") : dataDir;
		demoPassword = demoPassword == null || demoPassword.isBlank() ? "Tongban@2026" : demoPassword;
		issuer = issuer == null ? "" : issuer;
		otpValidity = otpValidity == null ? Duration.ofMinutes(5) : otpValidity;
		lockThreshold = lockThreshold <= 0 ? 5 : lockThreshold;
		lockBase = lockBase == null ? Duration.ofMinutes(1) : lockBase;
	}
}
