package tongban.casework;

import java.util.List;

/** A problem with the application: the path of a form field or {@code material.<index>}, a message key, arguments. */
public record Problem(String path, String code, List<Object> args) {

	/** A problem of an uploaded file itself (size, type, unreadable or active content), reported even on a draft save. */
	public boolean aboutFile() {
		return code.startsWith("case.error.file") || code.startsWith("upload.error");
	}

	/**
	 * A refused change to a value the applicant may not change (one taken from a register, or from the account), also
	 * reported on a draft save: the saved draft kept the old value, so the page must say why.
	 */
	public boolean aboutLockedValue() {
		return code.equals("case.error.verified") || code.equals("case.error.fromAccount");
	}
}
