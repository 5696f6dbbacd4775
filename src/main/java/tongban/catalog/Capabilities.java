package tongban.catalog;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The capability registry: what the platform can do for an item is what its catalogue entry claims and a
 * {@link CapabilityProvider} really provides. The catalogue data is kept as the department wrote it, so a capability
 * switched on later shows on the items that claimed it without editing them.
 */
@Service
public class Capabilities {

	private final List<CapabilityProvider> providers;

	Capabilities(List<CapabilityProvider> providers) {
		this.providers = List.copyOf(providers);
	}

	/** The capabilities to show for an item, in the order of {@link Capability}. */
	public List<Capability> offered(ServiceGuide guide) {
		return Arrays.stream(Capability.values()).filter(c -> c.claimedBy(guide) && provided(c, guide)).toList();
	}

	/**
	 * The guide as the platform can keep its promises: each 便民服务 flag true only when it is {@link #offered}, so what
	 * the API publishes agrees with the guide page's badges.
	 */
	public ServiceGuide asOffered(ServiceGuide guide) {
		List<Capability> offered = offered(guide);
		return guide.withServices(offered.contains(Capability.APPOINTMENT), offered.contains(Capability.DELIVERY),
				offered.contains(Capability.ONLINE_PAYMENT), offered.contains(Capability.SELF_SERVICE));
	}

	private boolean provided(Capability capability, ServiceGuide guide) {
		return providers.stream().anyMatch(p -> p.capability() == capability && p.provides(guide));
	}
}
