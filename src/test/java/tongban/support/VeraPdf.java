package tongban.support;

import java.io.ByteArrayInputStream;
import java.util.stream.Collectors;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF (greenfield parser) as the independent judge of PDF/A conformance. */
public final class VeraPdf {

	static {
		VeraGreenfieldFoundryProvider.initialise();
	}

	private VeraPdf() {
	}

	/** The rules of PDF/A-3b the file breaks (clause and test number with the description), empty when it conforms. */
	public static String pdfA3bFailures(byte[] pdf) {
		try (var parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B);
				var validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
			ValidationResult result = validator.validate(parser);
			if (result.isCompliant()) {
				return "";
			}
			return result.getTestAssertions().stream()
				.filter(a -> a.getStatus() == org.verapdf.pdfa.results.TestAssertion.Status.FAILED)
				.map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage())
				.distinct()
				.collect(Collectors.joining("\n"));
		}
		catch (Exception e) {
			throw new AssertionError("veraPDF could not read the file", e);
		}
	}
}
