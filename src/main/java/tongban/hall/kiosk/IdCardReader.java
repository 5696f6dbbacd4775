package tongban.hall.kiosk;

import java.util.Map;
import java.util.Optional;

/**
 * The kiosk's ID card reader (身份证阅读器). A reader answers the card's ID number and name and whether it verified the
 * card's chip (the security module's check of a second-generation card); the kiosk signs the person in only on a
 * verified read. The demo reader takes a typed number and name and exists only with demo data; a real reader's
 * driver (docs/hall.md) implements this interface as a Spring bean and receives what the kiosk page posted after the
 * local reader service filled it in.
 */
public interface IdCardReader {

	/** What the reader read from a card. */
	record CardRead(String idNumber, String name, boolean chipVerified) {
	}

	/** Whether this reader is in service on this installation. */
	boolean available();

	/** Whether the kiosk page asks the person to type the number and name (the demo reader) instead of placing the card. */
	boolean typed();

	/** The card read of this request's fields ({@code idNumber}, {@code name}, or the driver's own); empty when none was read. */
	Optional<CardRead> read(Map<String, String> fields);
}
