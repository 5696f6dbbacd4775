package tongban.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The type of an upload from its content (magic numbers), not its name: PDF ({@code %PDF-}), JPEG ({@code FF D8 FF}),
 * PNG (the 8-byte signature) and OFD (GB/T 33190: a ZIP package whose root holds {@code OFD.xml}).
 */
public final class FileTypes {

	public static final String PDF = "application/pdf";
	public static final String JPEG = "image/jpeg";
	public static final String PNG = "image/png";
	public static final String OFD = "application/ofd";

	private FileTypes() {
	}

	public static Optional<String> detect(byte[] b) {
		if (starts(b, '%', 'P', 'D', 'F', '-')) {
			return Optional.of(PDF);
		}
		if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
			return Optional.of(JPEG);
		}
		if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of(PNG);
		}
		if (starts(b, 'P', 'K', 3, 4) && zipHasRootEntry(b, "OFD.xml")) {
			return Optional.of(OFD);
		}
		return Optional.empty();
	}

	/** The usual extension of a detected type, for names of downloads. */
	public static String extension(String contentType) {
		return switch (contentType) {
			case PDF -> "pdf";
			case JPEG -> "jpg";
			case PNG -> "png";
			case OFD -> "ofd";
			default -> "bin";
		};
	}

	private static boolean starts(byte[] b, int... prefix) {
		if (b.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((b[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean zipHasRootEntry(byte[] b, String name) {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
			for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
				if (e.getName().equalsIgnoreCase(name)) {
					return true;
				}
			}
		}
		catch (IOException | IllegalArgumentException e) {
			return false;
		}
		return false;
	}
}
