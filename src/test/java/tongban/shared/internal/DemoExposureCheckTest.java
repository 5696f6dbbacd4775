package tongban.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoExposureCheckTest {

	private static final String PUBLIC = "https://tongban.example.gov.cn";

	@Test
	void httpsAddressesOfOtherHostsArePublicThisMachineAndPlainHttpAreNot() {
		assertThat(DemoExposureCheck.isPublic(PUBLIC)).isTrue();
		assertThat(DemoExposureCheck.isPublic(" https://10.1.2.3:8443/ ")).isTrue();
		assertThat(DemoExposureCheck.isPublic("HTTPS://Tongban.Example.gov.cn")).isTrue();
		assertThat(DemoExposureCheck.isPublic("https://localhost:8443")).isFalse();
		assertThat(DemoExposureCheck.isPublic("https://LOCALHOST")).isFalse();
		assertThat(DemoExposureCheck.isPublic("https://demo.localhost")).isFalse();
		assertThat(DemoExposureCheck.isPublic("https://127.0.0.1:8443")).isFalse();
		assertThat(DemoExposureCheck.isPublic("https://127.1.2.3")).isFalse();
		assertThat(DemoExposureCheck.isPublic("https://[::1]:8443")).isFalse();
		assertThat(DemoExposureCheck.isPublic("http://tongban.example.gov.cn")).isFalse();
		assertThat(DemoExposureCheck.isPublic("http://localhost:8080")).isFalse();
		assertThat(DemoExposureCheck.isPublic("")).isFalse();
		assertThat(DemoExposureCheck.isPublic(null)).isFalse();
		assertThat(DemoExposureCheck.isPublic("https://")).isFalse();
		assertThat(DemoExposureCheck.isPublic("not a url at all")).isFalse();
	}

	@Test
	void demoDataAtAPublicAddressIsRefusedUnlessForced() {
		assertThat(DemoExposureCheck.refusal(true, true, PUBLIC, false)).hasValueSatisfying(message -> assertThat(message)
			.startsWith("拒绝启动")
			.contains(PUBLIC, "TONGBAN_DEMO=false", "TONGBAN_DEMO_FORCE=true", "Refusing to start")
			.doesNotContain("\n"));
		assertThat(DemoExposureCheck.refusal(true, true, PUBLIC, true)).isEmpty();
	}

	@Test
	void demoAccountsLeftInTheDatabaseAreRefusedToo() {
		assertThat(DemoExposureCheck.refusal(false, true, PUBLIC, false)).hasValueSatisfying(message -> assertThat(message)
			.contains("已有演示账号", "holds the demo accounts", "TONGBAN_DEMO_FORCE=true")
			.doesNotContain("TONGBAN_DEMO=false"));
		assertThat(DemoExposureCheck.refusal(false, true, PUBLIC, true)).isEmpty();
	}

	@Test
	void withoutDemoDataOrOnThisMachineThePlatformStarts() {
		assertThat(DemoExposureCheck.refusal(false, false, PUBLIC, false)).isEmpty();
		assertThat(DemoExposureCheck.refusal(true, true, "http://localhost:8080", false)).isEmpty();
		assertThat(DemoExposureCheck.refusal(true, true, "https://127.0.0.1:8443", false)).isEmpty();
		assertThat(DemoExposureCheck.refusal(true, true, "http://tongban.intranet.example", false)).isEmpty();
	}

	@Test
	void theLastWordsAreTheRefusalAndWhereToRead() {
		var analysis = new DemoExposedFailureAnalyzer().analyze(new IllegalStateException(new DemoExposed("拒绝启动：…")));
		assertThat(analysis.getDescription()).isEqualTo("拒绝启动：…");
		assertThat(analysis.getAction()).contains("docs/operations.md");
	}
}
