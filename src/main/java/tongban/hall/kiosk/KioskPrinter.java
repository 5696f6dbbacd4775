package tongban.hall.kiosk;

/**
 * The kiosk's printer. Everything a kiosk prints is a PDF (the receipt of a number, an e-licence), so a driver needs
 * only to hand a PDF to the device the kiosk registers as its printer (for a CUPS queue: {@code lp -d <printer>}). The
 * demo printer keeps the PDF in a folder of the data directory.
 */
public interface KioskPrinter {

	/** Prints the document at the kiosk's printer; answers where it went (a file, a queue's job id) for the print log. */
	String print(Kiosk kiosk, String jobId, byte[] pdf);
}
