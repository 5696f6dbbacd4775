package tongban.hall.kiosk.internal;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tongban.hall.kiosk.IdCardReader;
import tongban.shared.DemoData;

/**
 * The demo card reader: the number and name typed on the kiosk stand for the card placed on the reader, and the
 * "chip" counts as verified. In service only with demo data ({@code tongban.demo}); production installs a driver.
 */
@Component
class DemoIdCardReader implements IdCardReader {

	static final int MAX = 40;

	private final DemoData demo;

	DemoIdCardReader(DemoData demo) {
		this.demo = demo;
	}

	@Override
	public boolean available() {
		return demo.enabled();
	}

	@Override
	public boolean typed() {
		return true;
	}

	@Override
	public Optional<CardRead> read(Map<String, String> fields) {
		if (!available()) {
			return Optional.empty();
		}
		String idNumber = fields.getOrDefault("idNumber", "").strip();
		String name = fields.getOrDefault("name", "").strip();
		if (idNumber.isEmpty() && name.isEmpty() || idNumber.length() > MAX || name.length() > MAX) {
			return Optional.empty();
		}
		return Optional.of(new CardRead(idNumber, name, true));
	}
}
