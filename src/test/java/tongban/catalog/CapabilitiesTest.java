package tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** A badge shows when the catalogue claims the capability and a module provides it for the item; not otherwise. */
class CapabilitiesTest {

	private static CapabilityProvider everywhere(Capability capability) {
		return new CapabilityProvider() {
			@Override
			public Optional<String> page(ServiceGuide guide) {
				return Optional.of("/" + capability.name().toLowerCase(Locale.ROOT) + "/" + guide.code());
			}

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

	@Test
	void eachBadgeLinksToItsProvidersPageAndAProviderWithoutAPageShowsNone() {
		CapabilityProvider pageless = new CapabilityProvider() {
			@Override
			public Capability capability() {
				return Capability.SELF_SERVICE;
			}

			@Override
			public boolean provides(ServiceGuide guide) {
				return true;
			}
		};
		Capabilities capabilities = new Capabilities(List.of(everywhere(Capability.APPOINTMENT), pageless));
		ServiceGuide guide = PublishingGateTest.with("appointment", true, "selfService", true);
		assertThat(capabilities.badges(guide)).containsExactly(new Capabilities.Badge(Capability.APPOINTMENT, "/appointment/" + guide.code()));
		assertThat(capabilities.asOffered(guide).selfService()).as("the API agrees with the badges").isFalse();
	}
}
