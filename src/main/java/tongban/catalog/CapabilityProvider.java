package tongban.catalog;

/**
 * A module that really provides a {@link Capability} for some items implements this (the catalogue owns the port, as
 * casework owns {@code LicenceWallet}): casework for postal delivery today; appointments, payment and kiosks when the
 * hall module brings them. Without a provider the capability does not exist on the platform and no guide shows it.
 */
public interface CapabilityProvider {

	Capability capability();

	/** Whether the platform can provide the capability for cases of this item (its published guide). */
	boolean provides(ServiceGuide guide);
}
