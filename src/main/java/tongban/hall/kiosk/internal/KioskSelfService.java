package tongban.hall.kiosk.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import tongban.catalog.Capability;
import tongban.catalog.CapabilityProvider;
import tongban.catalog.ServiceGuide;
import tongban.hall.kiosk.KioskItems;

/**
 * 可自助办理 is kept when a kiosk can file the item ({@link KioskItems#doable}) and a kiosk in service stands at a point
 * that serves it; the badge leads to the public list of those points.
 */
@Component
class KioskSelfService implements CapabilityProvider {

	private final KioskItems items;

	KioskSelfService(KioskItems items) {
		this.items = items;
	}

	@Override
	public Capability capability() {
		return Capability.SELF_SERVICE;
	}

	@Override
	public boolean provides(ServiceGuide guide) {
		return KioskItems.doable(guide) && !items.pointsFor(guide.code()).isEmpty();
	}

	@Override
	public Optional<String> page(ServiceGuide guide) {
		return Optional.of(UriComponentsBuilder.fromPath("/hall/kiosks").queryParam("item", guide.code()).build().encode().toUriString());
	}
}
