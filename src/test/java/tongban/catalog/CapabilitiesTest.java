package tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A badge shows when the catalogue claims the capability and a module provides it for the item; not otherwise. */
class CapabilitiesTest {

	private static CapabilityProvider everywhere(Capability capability) {
		return new CapabilityProvider() {
			@Override
			public Capability capability() {
				return capability;
			}

			@Override
			public boolean provides(ServiceGuide guide) {
				return true;
			}
		};
	}

	@Test
	void withoutAProviderNothingIsOffered() {
		ServiceGuide claimsAll = PublishingGateTest.with("appointment", true, "delivery", true, "onlinePayment", true, "selfService", true);
		assertThat(new Capabilities(List.of()).offered(claimsAll)).isEmpty();
	}

	@Test
	void aCapabilitySwitchedOnShowsOnlyOnItemsThatClaimIt() {
		Capabilities withAppointments = new Capabilities(List.of(everywhere(Capability.APPOINTMENT)));
		assertThat(withAppointments.offered(PublishingGateTest.with("appointment", true, "selfService", true)))
			.containsExactly(Capability.APPOINTMENT);
		assertThat(withAppointments.offered(PublishingGateTest.with("appointment", false))).isEmpty();
	}
}
