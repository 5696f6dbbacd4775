package tongban.hall.booking.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import tongban.catalog.Capability;
import tongban.catalog.CapabilityProvider;
import tongban.catalog.ServiceGuide;
import tongban.hall.booking.Slots;

/**
 * 可预约 is a promise only when some point serving the item has staff at a window group serving it, so that slots exist;
 * the badge leads to the booking page of the item.
 */
@Component
class AppointmentCapability implements CapabilityProvider {

	private final Slots slots;

	AppointmentCapability(Slots slots) {
		this.slots = slots;
	}

	@Override
	public Capability capability() {
		return Capability.APPOINTMENT;
	}

	@Override
	public boolean provides(ServiceGuide guide) {
		return !slots.pointsFor(guide.code()).isEmpty();
	}

	@Override
	public Optional<String> page(ServiceGuide guide) {
		return Optional.of("/account/bookings/new?item=" + guide.code());
	}
}
