package tongban.notification;

/**
 * The SMS centre did not take a message: {@code permanent} when trying again cannot help (a number the carrier
 * rejects), else it is tried again later; {@code code} is the carrier's error as it gave it.
 */
public class SmsRefused extends RuntimeException {

	private final String code;
	private final boolean permanent;

	public SmsRefused(String code, boolean permanent, String message) {
		super(message);
		this.code = code;
		this.permanent = permanent;
	}

	public String code() {
		return code;
	}

	public boolean permanent() {
		return permanent;
	}
}
