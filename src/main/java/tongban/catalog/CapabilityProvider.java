package tongban.catalog;

import java.util.Optional;

/**
 * A module that really provides a {@link Capability} for some items implements this (the catalogue owns the port, as
 * casework owns {@code LicenceWallet}): casework for postal delivery today; appointments, payment and kiosks when the
 * hall module brings them. Without a provider the capability does not exist on the platform and no guide shows it.
 */
public interface CapabilityProvider {

	Capability capability();

	/** Whether the platform can provide the capability for cases of this item (its published guide). */
	boolean provides(ServiceGuide guide);

	/**
	 * The page where a person uses the capability for this item (a site-relative path such as
	 * {@code /account/bookings/new?item=…}): the guide's badge links to it, and a test follows every badge of every
	 * published guide to a working page. Empty only while a provider has no page of its own yet.
	 */
	default Optional<String> page(ServiceGuide guide) {
		return Optional.empty();
	}
}
