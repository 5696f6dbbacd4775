import java.nio.file.Path;

import org.ofdrw.reader.OFDReader;
import org.ofdrw.sign.verify.OFDValidator;
import org.ofdrw.sign.verify.container.SESV4ValidateContainer;

/**
 * ofdrw's validator of GB/T 38540 (v4) seals on an OFD, run as its own program with ofdrw's own BouncyCastle:
 * prints VALID and exits 0, or prints INVALID and the reason and exits 1.
 */
public class OfdVerify {

	public static void main(String[] args) {
		try (OFDReader reader = new OFDReader(Path.of(args[0])); OFDValidator validator = new OFDValidator(reader)) {
			validator.setValidator(new SESV4ValidateContainer());
			validator.exeValidate();
			System.out.println("VALID");
		}
		catch (Exception e) {
			System.out.println("INVALID " + e.getClass().getSimpleName() + ": " + e.getMessage());
			System.exit(1);
		}
	}
}
