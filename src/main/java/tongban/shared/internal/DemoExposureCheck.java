package tongban.shared.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tongban.shared.DemoData;

/**
 * Refuses to start a platform that would serve the demo accounts at a public address (issue 24 §3): README.md
 * publishes their password and the TOTP secrets of the demo staff, platform administrator included, so anyone could
 * sign in as them. "Public" is a {@code TONGBAN_PUBLIC_URL} with https whose host is not this machine (localhost,
 * 127.0.0.0/8, ::1): https is what a real installation is reached by (the protection level a government portal is graded at asks for
 * encrypted transport, GB/T 22239-2019 安全通信网络),
 * while a demo on a laptop or an intranet test server runs on plain http. {@code TONGBAN_DEMO_FORCE=true} starts it
 * anyway, for a public demonstration that knowingly shows those accounts.
 * <p>
 * Runs once every bean exists (the schema is migrated, nothing is served yet), so a refused platform never answers a
 * request; it also asks {@link DemoData#present()} for the first time here, so pages never wait for that query.
 */
@Component
class DemoExposureCheck implements SmartInitializingSingleton {

	private static final Set<String> THIS_MACHINE = Set.of("localhost", "::1", "[::1]", "0:0:0:0:0:0:0:1", "[0:0:0:0:0:0:0:1]");

	private final DemoData demo;
	private final String publicUrl;
	private final boolean forced;

	DemoExposureCheck(DemoData demo, @Value("${tongban.public-url:}") String publicUrl,
			@Value("${tongban.demo-force:false}") boolean forced) {
		this.demo = demo;
		this.publicUrl = publicUrl;
		this.forced = forced;
	}

	@Override
	public void afterSingletonsInstantiated() {
		refusal(demo.enabled(), demo.present(), publicUrl, forced).ifPresent(message -> {
			throw new DemoExposed(message);
		});
	}

	/**
	 * Why the platform must not start, or empty when it may: {@code loads} whether demo data loads on this start,
	 * {@code present} whether it loads or an earlier start loaded it into this database.
	 */
	static Optional<String> refusal(boolean loads, boolean present, String publicUrl, boolean forced) {
		if (!present || forced || !isPublic(publicUrl)) {
			return Optional.empty();
		}
		String address = publicUrl.strip();
		if (loads) {
			return Optional.of("拒绝启动：演示数据（README 公开了演示账号的密码和 TOTP 密钥）不能在公网地址 " + address
					+ " 上加载，请设 TONGBAN_DEMO=false，确需公开演示时设 TONGBAN_DEMO_FORCE=true / Refusing to start: demo data, whose"
					+ " accounts' passwords and TOTP secrets README.md publishes, must not load at the public address " + address
					+ "; set TONGBAN_DEMO=false, or TONGBAN_DEMO_FORCE=true for a deliberate public demo.");
		}
		return Optional.of("拒绝启动：这个数据库里已有演示账号（README 公开了它们的密码和 TOTP 密钥），不能在公网地址 " + address
				+ " 上使用，请换用未加载过演示数据的数据库，确需公开演示时设 TONGBAN_DEMO_FORCE=true / Refusing to start: this database"
				+ " holds the demo accounts, whose passwords and TOTP secrets README.md publishes, and must not serve the public address "
				+ address + "; use a database demo data was never loaded into, or TONGBAN_DEMO_FORCE=true for a deliberate public demo.");
	}

	/** An https address whose host is not this machine; anything that is not a URL counts as not public. */
	static boolean isPublic(String url) {
		if (url == null || url.isBlank()) {
			return false;
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException e) {
			return false;
		}
		if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
			return false;
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		boolean loopback = THIS_MACHINE.contains(host) || host.endsWith(".localhost") || host.matches("127(\\.\\d{1,3}){3}");
		return !loopback;
	}
}
