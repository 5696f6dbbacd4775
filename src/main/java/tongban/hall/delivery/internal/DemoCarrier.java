package tongban.hall.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tongban.casework.PostalDelivery;
import tongban.hall.delivery.Carrier;
import tongban.hall.delivery.ShipmentStatus;
import tongban.shared.DemoData;

/**
 * The demo carrier stands in for every carrier staff can choose: a parcel is 已揽收, 运输中, 派送中 and 已签收 the
 * configured number of hours after it was recorded ({@code tongban.hall.delivery.demo-hours}, four numbers), by the
 * application's clock, so a demo or a test moves it on by moving the clock. In service only while the platform runs
 * with demo data ({@link DemoData#present()}): elsewhere it would report parcels signed for that nobody carried, so a
 * production installation follows parcels only once a real carrier's adapter is added. Its statuses are
 * {@link #simulated()}, and the case page says so.
 */
@Component
class DemoCarrier implements Carrier {

	private final Clock clock;
	private final List<Duration> after;
	private final DemoData demo;

	DemoCarrier(Clock clock, @Value("${tongban.hall.delivery.demo-hours:1,6,24,26}") String hours, DemoData demo) {
		this.clock = clock;
		this.demo = demo;
		this.after = Arrays.stream(hours.split(",")).map(String::strip).map(h -> Duration.ofMinutes(Math.round(Double.parseDouble(h) * 60))).toList();
		if (after.size() != 4) {
			throw new IllegalArgumentException("tongban.hall.delivery.demo-hours needs four numbers of hours, not " + hours);
		}
	}

	@Override
	public boolean follows(String carrierName) {
		return demo.present() && PostalDelivery.CARRIERS.containsKey(carrierName);
	}

	@Override
	public boolean simulated() {
		return true;
	}

	@Override
	public List<Report> track(String carrierName, String trackingNumber, Instant postedAt) {
		Instant now = clock.instant();
		ShipmentStatus[] reported = { ShipmentStatus.COLLECTED, ShipmentStatus.IN_TRANSIT, ShipmentStatus.OUT_FOR_DELIVERY, ShipmentStatus.SIGNED };
		List<Report> reports = new ArrayList<>();
		for (int i = 0; i < reported.length; i++) {
			Instant at = postedAt.plus(after.get(i));
			if (!at.isAfter(now)) {
				reports.add(new Report(reported[i], at));
			}
		}
		return reports;
	}
}
