package tongban.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** poppler-utils (installed by bin/test) as an independent reader of the PDFs we make. */
public final class Poppler {

	private Poppler() {
	}

	/** The text pdftotext finds (layout kept). */
	public static String text(byte[] pdf) {
		return run(pdf, "pdftotext", "-layout", "%s", "-");
	}

	/** The font table pdffonts prints: one line per font with type, encoding, emb(edded), sub(set). */
	public static String fonts(byte[] pdf) {
		return run(pdf, "pdffonts", "%s");
	}

	/**
	 * What pdfsig reports on the signatures: per signature its signer, the validation ("Signature is Valid.") and
	 * whether the signature covers the whole document. pdfsig exits non-zero for a bad signature; its report is
	 * returned either way.
	 */
	public static String signatures(byte[] pdf) {
		return run(pdf, false, "pdfsig", "%s");
	}

	/**
	 * pdfsig's report on the revision the first signature signed (the file cut where its signed ranges end): a PAdES
	 * B-LT seal is followed by its validation data (DSS dictionary), so the whole file is never "total document
	 * signed", but the revision it sealed must be.
	 */
	public static String signedRevision(byte[] pdf) {
		var ranges = java.util.regex.Pattern.compile("Signed Ranges: \\[0 - \\d+\\], \\[(\\d+) - (\\d+)\\]").matcher(signatures(pdf));
		if (!ranges.find()) {
			throw new AssertionError("no signed ranges");
		}
		return signatures(java.util.Arrays.copyOf(pdf, Integer.parseInt(ranges.group(2))));
	}

	private static String run(byte[] pdf, String... command) {
		return run(pdf, true, command);
	}

	private static String run(byte[] pdf, boolean mustSucceed, String... command) {
		try {
			Path file = Files.createTempFile("tongban", ".pdf");
			Files.write(file, pdf);
			List<String> args = java.util.Arrays.stream(command).map(a -> a.equals("%s") ? file.toString() : a).toList();
			Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!p.waitFor(30, TimeUnit.SECONDS) || (mustSucceed && p.exitValue() != 0)) {
				throw new AssertionError(String.join(" ", args) + " failed: " + out);
			}
			Files.delete(file);
			return out;
		}
		catch (IOException e) {
			throw new AssertionError("poppler-utils missing? " + e.getMessage(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}
}
