package tongban.hotline.internal.domain;

import java.util.Optional;

import tongban.shared.FileTypes;

/** Which files a ticket takes and under what name: shared by the ticket and the files kept for a redisplayed form. */
public final class AttachmentRules {

	private AttachmentRules() {
	}

	/** The content type of an acceptable attachment (PDF, JPEG, PNG, read from the content); empty for any other. */
	public static Optional<String> attachmentType(byte[] bytes) {
		return FileTypes.detect(bytes).filter(type -> !type.equals(FileTypes.OFD));
	}

	public static String safeName(String name) {
		String safe = name == null ? "" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
		return safe.isEmpty() ? "附件" : safe.length() > 100 ? safe.substring(safe.length() - 100) : safe;
	}
}
