package tongban.licence.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tongban.licence.LicenceVerifications;
import tongban.shared.DemoData;

/** The demo system {@code licence-verify-demo} (registered by identity's demo data) verifies licences for 区税务局. */
@Component
@Order(46)
class VerificationDemoData implements ApplicationRunner {

	static final String CLIENT = "licence-verify-demo";

	private final DemoData demo;
	private final LicenceVerifications verifications;

	VerificationDemoData(DemoData demo, LicenceVerifications verifications) {
		this.demo = demo;
		this.verifications = verifications;
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("licence-verification", () -> verifications.bindClient(CLIENT, "XH-SW"));
	}
}
