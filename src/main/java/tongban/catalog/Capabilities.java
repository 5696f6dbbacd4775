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

	/** A badge of a guide: the capability and the page where a person uses it for the item. */
	public record Badge(Capability capability, String page) {
	}

	/** The capabilities to show for an item, in the order of {@link Capability}. */
	public List<Capability> offered(ServiceGuide guide) {
		return badges(guide).stream().map(Badge::capability).toList();
	}

	/**
	 * The guide's badges, each linking to its provider's page: a capability is offered only when the catalogue claims it
	 * and a provider provides it with a page of its own (a badge that leads nowhere is a promise not kept).
	 */
	public List<Badge> badges(ServiceGuide guide) {
		return Arrays.stream(Capability.values())
			.filter(c -> c.claimedBy(guide))
			.flatMap(c -> providers.stream()
				.filter(p -> p.capability() == c && p.provides(guide))
				.flatMap(p -> p.page(guide).stream())
				.findFirst()
				.map(page -> new Badge(c, page))
				.stream())
			.toList();
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
}
